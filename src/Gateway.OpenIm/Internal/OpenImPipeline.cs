using System.Net;
using Gateway.Core.Diagnostics;
using Gateway.Core.Http;
using Gateway.Core.RateLimiting;
using Gateway.OpenIm.Errors;
using Gateway.OpenIm.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Gateway.OpenIm.Internal;

/// <summary>
/// What OpenIM decides in the shared pipeline. OpenIM has no server-side deduplication, so a send is repeated in-process
/// only when the answer proves the server did not take it: the connection could not be opened, or HTTP 429 or 503 (with
/// a <c>Retry-After</c> within the retry's longest delay). A timeout or any other failure may have come after the server
/// stored the message, so it is left to the bus, which checks the idempotency record first. Token requests are safe to
/// repeat and are retried on every transient HTTP failure. The breaker counts transport faults and OpenIM's own
/// server-failure codes; the optional rate limit takes a permit per attempt.
/// </summary>
internal static class OpenImPipeline
{
    /// <summary>The side pipeline of an instance's admin-token requests (its own breaker, so a token fetch is never the trial call of the send path's half-open circuit).</summary>
    public const string AuthPipeline = "auth";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var (instance, side) = ProviderRequests.ParsePipelineKey(context.InstanceName);
        var options = context.GetOptions<OpenImOptions>(instance);
        var services = context.ServiceProvider;
        var legacy = options.ApiVersion == OpenImApiVersion.V2;
        var maxDelay = options.Resilience.Retry.MaxDelay;
        var limit = options.RateLimit.RequestsPerSecond;
        var timeProvider = services.GetRequiredService<TimeProvider>();
        IReadOnlyList<QuotaDemand> demand = [new QuotaDemand(new RateLimitWindow($"openim:{instance}:send", Math.Max(limit, 1), TimeSpan.FromSeconds(1), TimeSpan.Zero), 1, "send")];
        ProviderPipeline.AddStrategies(
            builder,
            new ProviderPipelineSettings
            {
                Instance = context.InstanceName,
                Options = options.Resilience,
                ShouldRetry = side == AuthPipeline
                    ? (_, outcome) => ProviderPipeline.IsTransientHttp(outcome)
                    : (ctx, outcome) => ShouldRetry(ctx, outcome, maxDelay, timeProvider),
                IsFailure = (_, outcome) => ProviderPipeline.IsTransientHttp(outcome) || IsServerFailure(outcome, legacy),
                Reason = (_, outcome) => ProviderPipeline.TransportReason(outcome),
                Quotas = limit <= 0 || side == AuthPipeline ? null : new QuotaStrategyOptions
                {
                    Limiter = services.GetRequiredService<WindowRateLimiter>(),
                    Instance = instance,
                    Demands = _ => demand,
                },
            },
            services.GetRequiredService<ProviderCircuits>(),
            services.GetRequiredService<GatewayMetrics>());
    }

    internal static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, TimeSpan maxDelay, TimeProvider timeProvider) =>
        outcome switch
        {
            { Exception: { } exception } => ProviderPipeline.NeverReachedServer(exception),
            { Result.StatusCode: HttpStatusCode.ServiceUnavailable } => true,

            // A 429 that asks for a longer wait than the retry's longest delay is handed back (RateLimited, with the wait),
            // whether Retry-After gives seconds or a date.
            { Result: { StatusCode: HttpStatusCode.TooManyRequests } response } => ProviderAnswers.RetryAfter(response, timeProvider) is not { } wait || wait <= maxDelay,
            _ => false,
        };

    private static bool IsServerFailure(Outcome<HttpResponseMessage> outcome, bool legacy) =>
        OpenImRequest.AnswerOf(outcome.Result?.RequestMessage) is { Envelope: { ErrCode: { } code and not 0 } envelope } answer
        && OpenImErrorMap.Classify(legacy, answer.Status, code, envelope.ErrMsg, envelope.ErrDlt).Transient;
}
