namespace Gateway.Core.Http;

/// <summary>
/// Creates a provider's typed HTTP client for one call, from <c>IHttpClientFactory</c> (so pooled handlers rotate and
/// the pipeline, selected per instance, keeps its state). Provider instances are singletons; their clients are not.
/// </summary>
/// <typeparam name="TClient">The typed client.</typeparam>
public sealed class ProviderClients<TClient>
    where TClient : class
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly Microsoft.Extensions.Http.ITypedHttpClientFactory<TClient> _typedClientFactory;

    internal ProviderClients(IHttpClientFactory httpClientFactory, Microsoft.Extensions.Http.ITypedHttpClientFactory<TClient> typedClientFactory)
    {
        _httpClientFactory = httpClientFactory;
        _typedClientFactory = typedClientFactory;
    }

    /// <summary>Gets the name of the client's <see cref="HttpClient"/> (its handlers and pipeline are registered under it).</summary>
    public string HttpClientName { get; } = ProviderHttpClientNames.For(typeof(TClient));

    /// <summary>Creates a client for one call.</summary>
    /// <returns>The typed client.</returns>
    public TClient Create() => _typedClientFactory.CreateClient(_httpClientFactory.CreateClient(HttpClientName));


}
