using Gateway.Core.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Gateway.Core.Http;

/// <summary>
/// Builds a provider instance's HTTP pipeline from <see cref="ProviderPipelineSettings"/>, in the order of Microsoft's
/// standard handler, with the provider's quotas around it: <c>quota</c> (first attempt) → <c>total-timeout</c> →
/// <c>retry</c> → <c>quota-retries</c> → <c>circuit-breaker</c> → <c>attempt-timeout</c>. The retry honours <c>Retry-After</c> through <see cref="HttpRetryStrategyOptions"/>; the
/// breaker's state is kept per instance (<see cref="ProviderCircuits"/>) so readiness can report it.
/// </summary>
public static class ProviderPipeline
{
    /// <summary>Adds the strategies to a pipeline builder.</summary>
    /// <param name="builder">The builder <c>AddResilienceHandler</c> passes.</param>
    /// <param name="settings">What the provider decides.</param>
    /// <param name="circuits">The per-instance breaker states.</param>
    /// <param name="metrics">Where retries are counted.</param>
    public static void AddStrategies(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        ProviderPipelineSettings settings,
        ProviderCircuits circuits,
        GatewayMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(circuits);
        ArgumentNullException.ThrowIfNull(metrics);
        var options = settings.Options;
        var provider = ProviderRequests.ParsePipelineKey(settings.Instance).Instance;

        // The first attempt's permits are taken before the timeouts start, so waiting for a busy quota (a minute for a
        // per-minute one) is throttling, never a timeout of a call that was not even sent; retries take theirs inside.
        if (settings.Quotas is { } quotas)
        {
            builder.AddStrategy(_ => new QuotaStrategy(quotas, QuotaStrategy.Placement.FirstAttempt), quotas);
        }

        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "total-timeout", Timeout = options.TotalTimeout });
        if (options.Retry.MaxRetryAttempts > 0)
        {
            var retry = new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = options.Retry.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Retry.BaseDelay,
                MaxDelay = options.Retry.MaxDelay,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => new ValueTask<bool>(settings.ShouldRetry(args.Context, args.Outcome)),
                OnRetry = args =>
                {
                    metrics.Retried(provider, settings.Reason(args.Context, args.Outcome));
                    return default;
                },
            };
            if (settings.RetryDelay is { } providerDelay)
            {
                // Retry-After first (the library's generator), then the provider's own rule.
                var retryAfter = retry.DelayGenerator;
                retry.DelayGenerator = async args =>
                    (retryAfter is null ? null : await retryAfter(args).ConfigureAwait(false)) ?? providerDelay(args.Context, args.Outcome);
            }

            builder.AddRetry(retry);
        }

        if (settings.Quotas is { } retryQuotas)
        {
            builder.AddStrategy(_ => new QuotaStrategy(retryQuotas, QuotaStrategy.Placement.Retries), new QuotaStrategyOptions
            {
                Name = retryQuotas.Name + "-retries",
                Limiter = retryQuotas.Limiter,
                Instance = retryQuotas.Instance,
                Demands = retryQuotas.Demands,
                RecordGrants = retryQuotas.RecordGrants,
            });
        }
        var breaker = new HttpCircuitBreakerStrategyOptions
        {
            Name = "circuit-breaker",
            FailureRatio = options.CircuitBreaker.FailureRatio,
            MinimumThroughput = options.CircuitBreaker.MinimumThroughput,
            SamplingDuration = options.CircuitBreaker.SamplingDuration,
            BreakDuration = options.CircuitBreaker.BreakDuration,
            ShouldHandle = args => new ValueTask<bool>(settings.IsFailure(args.Context, args.Outcome)),
        };
        circuits.Follow(settings.Instance, breaker);
        builder.AddCircuitBreaker(breaker);
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt-timeout", Timeout = options.AttemptTimeout });
    }

    /// <summary>
    /// Gets whether an outcome is a transport fault the library counts as transient (network error, attempt timeout,
    /// HTTP 408, 429 or 5xx); a provider that decides on its answer bodies adds its own codes on top.
    /// </summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns><see langword="true"/> when trying again may help.</returns>
    public static bool IsTransientHttp(Outcome<HttpResponseMessage> outcome) =>
        HttpClientResiliencePredicates.IsTransient(outcome)

        // The connection broke while the answer was read (HttpIOException comes from the handler that reads it).
        || outcome.Exception is IOException;

    /// <summary>
    /// Gets whether an exception proves the request never reached the server (the connection could not be opened), so
    /// repeating it cannot duplicate a non-idempotent send.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for name resolution, connection and TLS handshake failures.</returns>
    public static bool NeverReachedServer(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError };

    /// <summary>Gets a short reason for an outcome's transport side: <c>timeout</c>, <c>transport</c>, or <c>http_&lt;status&gt;</c>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The reason.</returns>
    public static string TransportReason(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: Polly.Timeout.TimeoutRejectedException } => "timeout",
        { Exception: HttpRequestException } => "transport",
        { Exception: { } exception } => exception.GetType().Name,
        { Result: { } response } => "http_" + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "unknown",
    };
}
