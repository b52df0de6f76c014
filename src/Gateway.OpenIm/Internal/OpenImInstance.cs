using System.Threading.RateLimiting;
using Gateway.Core.Diagnostics;
using Gateway.OpenIm.Auth;
using Gateway.OpenIm.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace Gateway.OpenIm.Internal;

/// <summary>
/// Everything one provider instance keeps for the life of the process: its options, token cache, resilience pipeline
/// (with the circuit breaker's state) and rate limiter. The client factory's handlers reference it, so rotating handlers
/// does not lose a token or reset the breaker.
/// </summary>
internal sealed class OpenImInstance : IDisposable
{
    /// <summary>Names of the instances' HTTP clients: this prefix plus the instance name.</summary>
    public const string ClientNamePrefix = "MessagingGateway.OpenIm.";

    public OpenImInstance(string name, OpenImOptions options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider, GatewayMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        Options = options;
        TimeProvider = timeProvider;
        Metrics = metrics;
        Logger = logger;
        ClientName = ClientNamePrefix + name;
        var baseUrl = options.BaseUrl!;
        BaseUri = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute);
        CircuitState = new CircuitBreakerStateProvider();
        Pipeline = OpenImResiliencePipeline.Build(this);
        var rate = options.RateLimit;
        RateLimiter = rate.PermitsPerSecond > 0
            ? new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = rate.Burst > 0 ? rate.Burst : rate.PermitsPerSecond,
                TokensPerPeriod = rate.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = rate.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            })
            : null;
        var transport = new OpenImTransport(this, httpClientFactory);
        TokenCache = new OpenImTokenCache(this, transport);
        Client = new OpenImClient(this, transport, TokenCache);
    }

    public string Name { get; }

    public OpenImOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public GatewayMetrics Metrics { get; }

    public ILogger Logger { get; }

    public string ClientName { get; }

    public Uri BaseUri { get; }

    public CircuitBreakerStateProvider CircuitState { get; }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    public TokenBucketRateLimiter? RateLimiter { get; }

    public OpenImTokenCache TokenCache { get; }

    public OpenImClient Client { get; }

    public void Dispose()
    {
        RateLimiter?.Dispose();
        TokenCache.Dispose();
    }
}
