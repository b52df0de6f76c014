using Polly;

namespace Gateway.TencentIm.Http;

/// <summary>Options of <see cref="RateLimitPermitStrategy"/> (only its name).</summary>
internal sealed class RateLimitPermitStrategyOptions : ResilienceStrategyOptions
{
    public RateLimitPermitStrategyOptions() => Name = "rate-limit-permits";
}
