using Gateway.TencentIm.Http;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Gateway.TencentIm.Internal;

/// <summary>
/// Configures the named client of each instance (<c>MessagingGateway.TencentIm.&lt;name&gt;</c>): infinite
/// <see cref="HttpClient.Timeout"/> (Polly owns the timeouts), bounded response buffering, and the resilience and
/// signature handlers over the factory's primary handler. Handlers look their instance up when built, so the
/// instance's state (UserSig cache, limiters, circuit breaker) survives handler rotation.
/// </summary>
internal sealed class TencentImHttpClientConfigurator(TencentImInstanceRegistry instances) : IConfigureNamedOptions<HttpClientFactoryOptions>
{
    public void Configure(string? name, HttpClientFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is null || !name.StartsWith(TencentImInstance.HttpClientNamePrefix, StringComparison.Ordinal))
        {
            return;
        }

        var instanceName = name[TencentImInstance.HttpClientNamePrefix.Length..];
        options.HttpClientActions.Add(static client =>
        {
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.MaxResponseContentBufferSize = TencentImResponseReader.MaxResponseBytes;
        });
        options.HttpMessageHandlerBuilderActions.Add(builder =>
        {
            var instance = instances.Get(instanceName);
            builder.AdditionalHandlers.Add(new TencentImResilienceHandler(instance));
            builder.AdditionalHandlers.Add(new TencentImSignatureHandler(instance));
        });
    }

    public void Configure(HttpClientFactoryOptions options) => Configure(Options.DefaultName, options);
}
