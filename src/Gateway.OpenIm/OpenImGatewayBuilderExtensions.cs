using Gateway.Core.Providers;
using Gateway.OpenIm;
using Gateway.OpenIm.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the OpenIM provider type (<c>OpenIm</c>) on the gateway builder.</summary>
public static class OpenImGatewayBuilderExtensions
{
    /// <summary>
    /// Registers the OpenIM provider type, so instances with <c>Gateway:Providers:&lt;name&gt;:Type = OpenIm</c> can be
    /// created from configuration. Safe to call more than once.
    /// </summary>
    /// <param name="builder">The gateway builder.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddOpenIm(this IGatewayBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OpenImInstanceRegistry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageProviderFactory, OpenImProviderFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<HttpClientFactoryOptions>, OpenImHttpClientSetup>());
        return builder;
    }

    /// <summary>Registers the OpenIM provider type and one instance named <c>openim</c>, configured in code.</summary>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="configure">Sets the instance's options.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddOpenIm(this IGatewayBuilder builder, Action<OpenImOptions> configure) =>
        builder.AddOpenIm(OpenImOptions.DefaultInstanceName, configure);

    /// <summary>Registers the OpenIM provider type and one named instance, configured in code.</summary>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="name">The instance name (what <c>SendMessage.provider</c> refers to).</param>
    /// <param name="configure">Sets the instance's options.</param>
    /// <param name="strict">Whether options the provider cannot honour reject the message instead of being ignored.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddOpenIm(this IGatewayBuilder builder, string name, Action<OpenImOptions> configure, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddOpenIm();
        builder.Services.AddSingleton(new OpenImCodeConfiguration(name, configure));
        return builder.AddProviderInstance(name, OpenImOptions.ProviderType, configuration: null, strict);
    }

    /// <summary>Registers the OpenIM provider type and one instance named after the section's key, bound from it.</summary>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="section">The instance's section, for example <c>OpenIm</c> (the instance is then named <c>OpenIm</c>).</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddOpenIm(this IGatewayBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddOpenIm();
        return builder.AddProviderInstance(section.Key, OpenImOptions.ProviderType, section);
    }
}
