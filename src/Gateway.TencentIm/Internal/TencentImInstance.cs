using Gateway.Core.Diagnostics;
using Gateway.TencentIm.Auth;
using Gateway.TencentIm.Http;
using Gateway.TencentIm.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace Gateway.TencentIm.Internal;

/// <summary>
/// The state of one provider instance that must outlive the HTTP handlers (which IHttpClientFactory rotates): the
/// UserSig cache, the app's rate limiters, the resilience pipeline with its circuit breaker.
/// </summary>
internal sealed class TencentImInstance : IDisposable
{
    public const string HttpClientNamePrefix = "MessagingGateway.TencentIm.";

    public TencentImInstance(
        string name,
        TencentImOptions options,
        TencentImRateLimiter limiter,
        GatewayMetrics metrics,
        ILogger logger,
        TimeProvider timeProvider)
    {
        Name = name;
        Options = options;
        Limiter = limiter;
        Metrics = metrics;
        Logger = logger;
        TimeProvider = timeProvider;
        BaseAddress = TencentImDomains.BaseAddress(options);
        UserSigs = new UserSigCache(name, options.SdkAppId, options.AdminIdentifier, options.SecretKey!, options.UserSigLifetime, options.UserSigRefreshSkew, timeProvider, logger);
        Observer = new RateLimitObserver(name, metrics, logger, timeProvider);
        Pipeline = TencentImPipelineFactory.Create(this, CircuitState);
    }

    public string Name { get; }

    public string HttpClientName => HttpClientNamePrefix + Name;

    public TencentImOptions Options { get; }

    public Uri BaseAddress { get; }

    public UserSigCache UserSigs { get; }

    public TencentImRateLimiter Limiter { get; }

    public RateLimitObserver Observer { get; }

    public CircuitBreakerStateProvider CircuitState { get; } = new();

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    public GatewayMetrics Metrics { get; }

    public ILogger Logger { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Removes the secret key and the current UserSig from a text that leaves the adapter (provider texts, messages).</summary>
    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        text = text.Replace(Options.SecretKey!, "***", StringComparison.Ordinal);
        return UserSigs.Current is { } userSig ? text.Replace(userSig, "***", StringComparison.Ordinal) : text;
    }

    public void Dispose() => UserSigs.Dispose();
}
