using System.Globalization;
using System.Net;
using Gateway.Core.Diagnostics;
using Gateway.Core.Http;
using Gateway.Core.RateLimiting;
using Gateway.TencentIm.Errors;
using Gateway.TencentIm.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Gateway.TencentIm.Internal;

/// <summary>
/// What Tencent decides in the shared pipeline. Tencent deduplicates a one-to-one send on sender, MsgSeq, MsgRandom and
/// content for 120 seconds, and answers business errors with HTTP 200, so — unlike OpenIM — the same request (same
/// object, same body bytes) is resent in-process after transport failures, HTTP 408/429/5xx and Tencent's Retryable and
/// RateLimited codes; the total timeout (at most 110 s) keeps every resend inside the dedup window. 70050 needs at
/// least 60 s and is handed back instead. Rate-limit answers wait at least <c>RateLimitedDelay</c> plus jitter (a
/// <c>Retry-After</c> comes first). The breaker counts outages (transport, 5xx, internal codes), not quota answers.
/// Every attempt takes its permits (<see cref="ProviderPipelineSettings.Quotas"/>): the first before the timeouts start,
/// retries inside the retry.
/// </summary>
internal static class TencentImPipeline
{
    /// <summary>The most jitter added to a rate-limit wait.</summary>
    public static readonly TimeSpan MaxRateLimitJitter = TimeSpan.FromMilliseconds(250);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Build(builder, context.InstanceName, context.GetOptions<TencentImOptions>(context.InstanceName), context.ServiceProvider);
    }

    /// <summary>Adds one instance's strategies to a builder (what <see cref="Configure"/> does for the resilience handler).</summary>
    internal static void Build(ResiliencePipelineBuilder<HttpResponseMessage> builder, string instance, TencentImOptions options, IServiceProvider services)
    {
        var rateLimitedDelay = options.Resilience.Retry.RateLimitedDelay;
        ProviderPipeline.AddStrategies(
            builder,
            new ProviderPipelineSettings
            {
                Instance = instance,
                Options = options.Resilience,
                ShouldRetry = static (_, outcome) => ShouldRetry(outcome),
                IsFailure = static (_, outcome) => IsOutage(outcome),
                Reason = static (_, outcome) => Reason(outcome),
                RetryDelay = (_, outcome) => RetryDelay(outcome, rateLimitedDelay),
                Quotas = new QuotaStrategyOptions
                {
                    Limiter = services.GetRequiredService<WindowRateLimiter>(),
                    Instance = instance,
                    Demands = ctx => TencentImQuotas.Demands(ctx.GetRequestMessage(), options),
                    RecordGrants = true,
                },
            },
            services.GetRequiredService<ProviderCircuits>(),
            services.GetRequiredService<GatewayMetrics>());
    }

    /// <summary>Whether an attempt is repeated with the same request: the one place Tencent calls are resent.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        // An answer over the size bound is not a transport fault: resending gets the same answer.
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } } => false,

        // IOException: the connection broke while the answer was read (HttpIOException), inside the attempt.
        { Exception: IOException } => true,
        { Exception: not null } => ProviderPipeline.IsTransientHttp(outcome),
        _ when ProviderPipeline.IsTransientHttp(outcome) => true,
        { Result: { } response } => CodeOf(response) is { } code && TencentImErrorMap.IsRetried(code),
        _ => false,
    };

    /// <summary>Whether an attempt counts as an outage for the circuit breaker: transport faults, timeouts, 408/5xx and internal codes; never quota answers.</summary>
    internal static bool IsOutage(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } } => false,
        { Exception: IOException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => false,
        _ when ProviderPipeline.IsTransientHttp(outcome) => true,
        { Result: { } response } => CodeOf(response) is { } code && TencentImErrorMap.IsOutage(code),
        _ => false,
    };

    /// <summary>Why an attempt was repeated, for <c>messaging_gateway.retries</c>: <c>timeout</c>, <c>transport</c>, <c>http_503</c> or <c>code_20004</c>.</summary>
    internal static string Reason(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { StatusCode: HttpStatusCode.OK } response } when CodeOf(response) is { } code =>
            "code_" + code.ToString(CultureInfo.InvariantCulture),
        { Exception: IOException } => "transport",
        _ => ProviderPipeline.TransportReason(outcome),
    };

    /// <summary>The least wait after a rate-limit answer (HTTP 429 without <c>Retry-After</c>, or a RateLimited code): <paramref name="rateLimitedDelay"/> plus jitter.</summary>
    internal static TimeSpan? RetryDelay(Outcome<HttpResponseMessage> outcome, TimeSpan rateLimitedDelay) =>
        outcome.Result is { } response
        && (response.StatusCode == HttpStatusCode.TooManyRequests || (CodeOf(response) is { } code && TencentImErrorMap.IsRateLimited(code)))
            ? rateLimitedDelay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)MaxRateLimitJitter.TotalMilliseconds + 1))
            : null;

    private static int? CodeOf(HttpResponseMessage response) => TencentImRequest.AnswerOf(response.RequestMessage)?.Code;
}
