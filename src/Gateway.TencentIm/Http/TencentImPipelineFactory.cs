using System.Globalization;
using System.Net;
using Gateway.TencentIm.Errors;
using Gateway.TencentIm.Internal;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Gateway.TencentIm.Http;

/// <summary>
/// Builds an instance's Polly pipeline: total timeout → retry → rate-limit permits → circuit breaker → attempt timeout.
/// This is the one place a call is repeated with its byte-identical body: transport failures, HTTP 408/429/5xx and the
/// Retryable and RateLimited Tencent codes. The total timeout (at most 110 s) bounds all of it, so every retry of a
/// one-to-one send reaches Tencent within its 120-second dedup window.
/// </summary>
internal static class TencentImPipelineFactory
{
    private const int MaxJitterMs = 250;

    public static ResiliencePipeline<HttpResponseMessage> Create(TencentImInstance instance, CircuitBreakerStateProvider stateProvider)
    {
        var options = instance.Options;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>
        {
            Name = instance.HttpClientName,
            TimeProvider = instance.TimeProvider,
        };

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "total-timeout", Timeout = options.Resilience.TotalTimeout });
        if (options.Retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                MaxRetryAttempts = options.Retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Retry.BaseDelay,
                MaxDelay = options.Retry.MaxDelay,
                ShouldHandle = static args => ShouldRetryAsync(args.Outcome, args.Context.CancellationToken),
                DelayGenerator = args => RateLimitDelayAsync(args.Outcome, options.Retry.RateLimitDelay, args.Context.CancellationToken),
                OnRetry = args => OnRetryAsync(instance, args),
            });
        }

        builder.AddStrategy(_ => new RateLimitPermitStrategy(instance.Limiter, instance.Observer), new RateLimitPermitStrategyOptions());
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            Name = "circuit-breaker",
            FailureRatio = options.Resilience.FailureRatio,
            MinimumThroughput = options.Resilience.MinimumThroughput,
            SamplingDuration = options.Resilience.SamplingDuration,
            BreakDuration = options.Resilience.BreakDuration,
            StateProvider = stateProvider,
            ShouldHandle = static args => IsOutageAsync(args.Outcome, args.Context.CancellationToken),
            OnOpened = args =>
            {
                instance.Logger.CircuitOpened(instance.Name, args.BreakDuration);
                return default;
            },
            OnClosed = _ =>
            {
                instance.Logger.CircuitClosed(instance.Name);
                return default;
            },
        });
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "attempt-timeout", Timeout = options.Resilience.AttemptTimeout });
        return builder.Build();
    }

    internal static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    internal static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
        { Exception: not null } => false,
        { Result: { } response } when IsTransientStatus(response.StatusCode) => true,
        { Result: { } response } => await TencentImResponseReader.ReadEnvelopeAsync(response, cancellationToken).ConfigureAwait(false) is { } envelope
            && TencentImErrorMap.IsRetried(envelope.ErrorCode),
        _ => false,
    };

    internal static async ValueTask<bool> IsOutageAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
        { Exception: not null } => false,
        { Result: { StatusCode: HttpStatusCode.TooManyRequests } } => false,
        { Result: { } response } when IsTransientStatus(response.StatusCode) => true,
        { Result: { } response } => await TencentImResponseReader.ReadEnvelopeAsync(response, cancellationToken).ConfigureAwait(false) is { } envelope
            && TencentImErrorMap.IsOutage(envelope.ErrorCode),
        _ => false,
    };

    private static async ValueTask<TimeSpan?> RateLimitDelayAsync(Outcome<HttpResponseMessage> outcome, TimeSpan rateLimitDelay, CancellationToken cancellationToken)
    {
        if (outcome.Result is not { } response)
        {
            return null;
        }

        var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, MaxJitterMs));
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var asked = response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
            return (asked > rateLimitDelay ? asked : rateLimitDelay) + jitter;
        }

        var envelope = await TencentImResponseReader.ReadEnvelopeAsync(response, cancellationToken).ConfigureAwait(false);
        return envelope is not null && TencentImErrorMap.IsRateLimited(envelope.ErrorCode) ? rateLimitDelay + jitter : null;
    }

    private static async ValueTask OnRetryAsync(TencentImInstance instance, OnRetryArguments<HttpResponseMessage> args)
    {
        var reason = await ReasonAsync(args.Outcome, args.Context.CancellationToken).ConfigureAwait(false);
        var api = args.Context.Properties.TryGetValue(TencentImCall.PropertyKey, out var call) ? call.Api.Name : "call";
        instance.Metrics.Retried(instance.Name, reason);
        instance.Logger.Retrying(instance.Name, api, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds, reason);
        if (reason == "code_90992")
        {
            instance.Logger.CallbackServerSuspected(instance.Name, api);
        }
    }

    private static async ValueTask<string> ReasonAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case { Exception: TimeoutRejectedException }:
                return "timeout";
            case { Exception: not null }:
                return "transport";
            case { Result: { StatusCode: not HttpStatusCode.OK } response }:
                return "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            case { Result: { } response }:
                var envelope = await TencentImResponseReader.ReadEnvelopeAsync(response, cancellationToken).ConfigureAwait(false);
                return "code_" + (envelope?.ErrorCode ?? 0).ToString(CultureInfo.InvariantCulture);
            default:
                return "unknown";
        }
    }
}
