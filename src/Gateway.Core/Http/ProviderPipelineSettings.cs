using Polly;

namespace Gateway.Core.Http;

/// <summary>
/// What a provider decides in its HTTP pipeline; <see cref="ProviderPipeline"/> builds the same strategies, in the same
/// order and with the same names, from it for every provider.
/// </summary>
public sealed class ProviderPipelineSettings
{
    /// <summary>Gets the pipeline's key: the provider instance, or <c>instance/side</c> for a side pipeline of it (see <see cref="ProviderRequests.SetProviderInstance(HttpRequestMessage, string, string)"/>). The circuit breaker's state is kept under it.</summary>
    public required string Instance { get; init; }

    /// <summary>Gets the instance's timeouts, retries and breaker.</summary>
    public required ProviderResilienceOptions Options { get; init; }

    /// <summary>
    /// Gets whether an attempt's outcome is repeated in-process, with the same request (the context carries the request:
    /// <c>context.GetRequestMessage()</c>). It is where a provider says which repeats are safe.
    /// </summary>
    public required Func<ResilienceContext, Outcome<HttpResponseMessage>, bool> ShouldRetry { get; init; }

    /// <summary>Gets whether an attempt's outcome counts as a failure of the provider for the circuit breaker.</summary>
    public required Func<ResilienceContext, Outcome<HttpResponseMessage>, bool> IsFailure { get; init; }

    /// <summary>Gets why an outcome was retried, for <c>messaging_gateway.retries</c> (for example <c>http_503</c> or <c>code_20004</c>).</summary>
    public required Func<ResilienceContext, Outcome<HttpResponseMessage>, string> Reason { get; init; }

    /// <summary>Gets the provider's own delay for an outcome (for example after its rate-limit codes), used when the answer has no <c>Retry-After</c>.</summary>
    public Func<ResilienceContext, Outcome<HttpResponseMessage>, TimeSpan?>? RetryDelay { get; init; }

    /// <summary>
    /// Gets the provider's quotas, or <see langword="null"/> for none: every attempt waits for the permits it costs (the
    /// first one before the timeouts start, retries inside the retry), so retries count against the quota too.
    /// </summary>
    public QuotaStrategyOptions? Quotas { get; init; }
}
