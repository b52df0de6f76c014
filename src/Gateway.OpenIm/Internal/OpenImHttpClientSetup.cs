using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Gateway.OpenIm.Internal;

/// <summary>
/// Configures the named clients <c>MessagingGateway.OpenIm.&lt;instance&gt;</c>: infinite <see cref="HttpClient.Timeout"/>
/// (Polly owns timeouts), the resilience handler outside the auth handler, and the <c>token</c> header redacted in the
/// factory's logs. The primary handler is left to the factory, so <c>ConfigureHttpClientDefaults</c> (the host's dry run,
/// tests) can replace it.
/// </summary>
internal sealed class OpenImHttpClientSetup(OpenImInstanceRegistry registry) : IConfigureNamedOptions<HttpClientFactoryOptions>
{
    public void Configure(HttpClientFactoryOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, HttpClientFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is null || !name.StartsWith(OpenImInstance.ClientNamePrefix, StringComparison.Ordinal))
        {
            return;
        }

        var instanceName = name[OpenImInstance.ClientNamePrefix.Length..];
        options.HttpClientActions.Add(static client => client.Timeout = Timeout.InfiniteTimeSpan);
        options.HttpMessageHandlerBuilderActions.Add(builder =>
        {
            var instance = registry.Get(instanceName);
            builder.AdditionalHandlers.Add(new Http.OpenImResilienceHandler(instance));
            builder.AdditionalHandlers.Add(new Http.OpenImAuthHandler(instance));
        });
        var redactOthers = options.ShouldRedactHeaderValue;
        options.ShouldRedactHeaderValue = header =>
            string.Equals(header, Http.OpenImAuthHandler.TokenHeader, StringComparison.OrdinalIgnoreCase) || redactOthers(header);
    }
}
