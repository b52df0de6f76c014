using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Configuration;

/// <summary>
/// Binds a provider type's named options (one name per instance) from <c>Gateway:Providers:{name}</c>. Code
/// configuration (<c>services.Configure&lt;TOptions&gt;(name, ...)</c>) registered after it runs after it.
/// </summary>
/// <typeparam name="TOptions">The provider type's options.</typeparam>
internal sealed class ProviderOptionsBinding<TOptions>(GatewayConfiguration configuration, Action<IConfiguration, TOptions> bind)
    : IConfigureNamedOptions<TOptions>
    where TOptions : class
{
    public void Configure(TOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (configuration.Section is { } section && !string.IsNullOrEmpty(name))
        {
            bind(section.GetSection("Providers:" + name), options);
        }
    }
}
