using System.Net;
using Gateway.OpenIm.Internal;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Gateway.OpenIm.Http;

/// <summary>
/// Builds the HTTP resilience pipeline of one instance from <see cref="OpenImResilienceOptions"/>, in the order of
/// Microsoft's standard handler: total timeout → retry (exponential backoff with jitter, honouring
/// <c>Retry-After</c>) → circuit breaker → attempt timeout. It handles transport faults only; OpenIM business codes
/// arrive with HTTP 200 and are classified by the error map.
/// </summary>
internal static class OpenImResiliencePipeline
{
    /// <summary>The request path, for logs (never the host or query).</summary>
    public static readonly ResiliencePropertyKey<string> OperationKey = new("OpenIm.Operation");

    /// <summary>Builds the pipeline.</summary>
    /// <param name="instance">The instance (options, clock, metrics, logger, breaker state).</param>
    /// <returns>The pipeline, shared by every handler the client factory builds for the instance.</returns>
    public static ResiliencePipeline<HttpResponseMessage> Build(OpenImInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var options = instance.Options.Resilience;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = "MessagingGateway.OpenIm." + instance.Name,
            TimeProvider = instance.TimeProvider,
        };

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "TotalTimeout", Timeout = options.TotalTimeout });
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, options.MaxDelay, instance.TimeProvider)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } response ? OpenImTransport.RetryAfter(response, instance.TimeProvider) : null),
                OnRetry = args =>
                {
                    var reason = Reason(args.Outcome);
                    instance.Metrics.Retried(instance.Name, reason);
                    instance.Logger.Retrying(
                        instance.Name,
                        args.Context.Properties.GetValue(OperationKey, "request"),
                        args.AttemptNumber + 1,
                        reason,
                        args.RetryDelay);
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            Name = "CircuitBreaker",
            FailureRatio = options.FailureRatio,
            MinimumThroughput = options.MinimumThroughput,
            SamplingDuration = options.SamplingDuration,
            BreakDuration = options.BreakDuration,
            StateProvider = instance.CircuitState,
            ShouldHandle = args => new ValueTask<bool>(IsTransient(args.Outcome)),
            OnOpened = args =>
            {
                instance.Logger.CircuitOpened(instance.Name, args.BreakDuration, Reason(args.Outcome));
                return default;
            },
            OnClosed = _ =>
            {
                instance.Logger.CircuitClosed(instance.Name);
                return default;
            },
            OnHalfOpened = _ =>
            {
                instance.Logger.CircuitHalfOpened(instance.Name);
                return default;
            },
        });
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
        return builder.Build();
    }

    /// <summary>Whether an outcome is a transport fault: a network error, an attempt timeout, HTTP 408, 429 or 5xx.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns><see langword="true"/> when trying again may help.</returns>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransientStatus(response.StatusCode),
        _ => false,
    };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxDelay, TimeProvider timeProvider) => outcome switch
    {
        // A 429 that asks for a longer wait than MaxDelay is handed back (RateLimited, with the wait) instead of sleeping on it.
        { Result: { StatusCode: HttpStatusCode.TooManyRequests } response } => OpenImTransport.RetryAfter(response, timeProvider) is not { } wait || wait <= maxDelay,
        _ => IsTransient(outcome),
    };

    private static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static string Reason(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "timeout",
        { Exception: HttpRequestException } => "transport",
        { Exception: { } exception } => exception.GetType().Name,
        { Result: { } response } => "http_" + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "unknown",
    };
}
