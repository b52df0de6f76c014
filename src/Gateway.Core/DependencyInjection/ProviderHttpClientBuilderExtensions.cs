using Gateway.Core.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The HTTP skeleton every provider adapter shares: one typed client per provider (<c>AddHttpClient</c>), the
/// resilience handler outside (<c>AddResilienceHandler</c>, one pipeline per provider instance selected by the instance
/// the request names), and the provider's auth handler inside it, so every attempt carries the current credential.
/// Polly owns the timeouts (<see cref="HttpClient.Timeout"/> is infinite).
/// </summary>
public static class ProviderHttpClientBuilderExtensions
{
    /// <summary>Registers a provider's typed client, its pipeline per instance and its auth handler. Call it once per provider type.</summary>
    /// <typeparam name="TClient">The typed client.</typeparam>
    /// <typeparam name="TAuthHandler">The handler that adds credentials and refreshes them once when the provider rejects them.</typeparam>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="pipelineName">The pipeline's name in telemetry, for example <c>openim</c>.</param>
    /// <param name="configurePipeline">Builds one instance's pipeline (<see cref="ResilienceHandlerContext.InstanceName"/> is the instance).</param>
    /// <returns>The client builder, for provider-specific additions (for example header redaction).</returns>
    public static IHttpClientBuilder AddProviderHttpClient<TClient, TAuthHandler>(
        this IGatewayBuilder builder,
        string pipelineName,
        Action<ResiliencePipelineBuilder<HttpResponseMessage>, ResilienceHandlerContext> configurePipeline)
        where TClient : class
        where TAuthHandler : DelegatingHandler
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(pipelineName);
        ArgumentNullException.ThrowIfNull(configurePipeline);
        var services = builder.Services;
        services.TryAddSingleton(static _ => new ProviderCircuits());
        services.TryAddTransient<TAuthHandler>();
        services.TryAddSingleton(static sp => new ProviderClients<TClient>(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<ITypedHttpClientFactory<TClient>>()));

        var http = services.AddHttpClient<TClient>(ProviderHttpClientNames.For(typeof(TClient)))
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan);
        http.AddResilienceHandler(pipelineName, configurePipeline)
            
            // One pipeline per instance (and per side pipeline of an instance), so its breaker and limiter state outlive
            // handler rotation. The library probes the selector with a bare request at set-up: it gets the empty key.
            .SelectPipelineBy(static _ => static request => request.PipelineKeyOrEmpty());
        http.AddHttpMessageHandler<TAuthHandler>();
        http.RemoveAllLoggers().AddLogger(static sp => new ProviderHttpLogger(sp.GetRequiredService<ILogger<ProviderHttpLogger>>()));
        return http;
    }
}
