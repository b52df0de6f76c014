using Gateway.Core.RateLimiting;
using Polly;

namespace Gateway.Core.Http;

/// <summary>The settings of a pipeline's quota strategy: every attempt waits for the permits it costs before it is sent.</summary>
public sealed class QuotaStrategyOptions : ResilienceStrategyOptions
{
    /// <summary>Initializes a new instance of the <see cref="QuotaStrategyOptions"/> class.</summary>
    public QuotaStrategyOptions() => Name = "quota";

    /// <summary>Gets the limiter that grants the permits.</summary>
    public required WindowRateLimiter Limiter { get; init; }

    /// <summary>Gets the provider instance, for the wait metric.</summary>
    public required string Instance { get; init; }

    /// <summary>Gets what an attempt costs (the context carries the request and what the client put in its properties).</summary>
    public required Func<ResilienceContext, IReadOnlyList<QuotaDemand>> Demands { get; init; }

    /// <summary>
    /// Gets a value indicating whether the moment each permit was granted goes on the request (<see cref="QuotaGrants"/>),
    /// for a provider whose innermost handler checks, just before sending, that the windows are still open.
    /// </summary>
    /// <value>The default is <see langword="false"/>: nothing is added to the request.</value>
    public bool RecordGrants { get; init; }
}
