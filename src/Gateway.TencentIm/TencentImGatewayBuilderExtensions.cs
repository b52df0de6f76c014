using Gateway.Core.Diagnostics;
using Gateway.Core.Providers;
using Gateway.TencentIm;
using Gateway.TencentIm.Internal;
using Gateway.TencentIm.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Tencent Cloud IM provider type (<c>TencentIm</c>) and its instances on the gateway.</summary>
public static class TencentImGatewayBuilderExtensions
{
    /// <summary>
    /// Registers the <c>TencentIm</c> provider type. Instances then come from configuration
    /// (<c>Gateway:Providers:&lt;name&gt;:Type = TencentIm</c> plus <see cref="TencentImOptions"/> keys). Safe to call more than once.
    /// </summary>
    /// <param name="builder">The gateway builder.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddTencentIm(this IGatewayBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddHttpClient();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GatewayMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<TencentImInstanceRegistry>();
        services.TryAddSingleton<TencentImRateLimiterRegistry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageProviderFactory, TencentImProviderFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<HttpClientFactoryOptions>, TencentImHttpClientConfigurator>());
        return builder;
    }

    /// <summary>Registers the provider type and an instance named <c>tencent</c> configured in code.</summary>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="configure">Sets the instance's options.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddTencentIm(this IGatewayBuilder builder, Action<TencentImOptions> configure) =>
        builder.AddTencentIm(TencentImOptions.DefaultName, configure);

    /// <summary>Registers the provider type and a named instance configured in code.</summary>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="name">The instance name (messages select it with <c>provider</c>).</param>
    /// <param name="configure">Sets the instance's options.</param>
    /// <param name="strict">Whether options the provider cannot honour reject the message instead of being ignored.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddTencentIm(this IGatewayBuilder builder, string name, Action<TencentImOptions> configure, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddTencentIm();
        builder.Services.AddSingleton(new TencentImCodeConfiguration(name, configure));
        return builder.AddProviderInstance(name, TencentImOptions.ProviderType, configuration: null, strict);
    }

    /// <summary>Registers the provider type and an instance named after the section's key, bound from it.</summary>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="section">The instance's section, holding <see cref="TencentImOptions"/> keys (and optionally <c>Strict</c>).</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddTencentIm(this IGatewayBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddTencentIm();
        return builder.AddProviderInstance(section.Key, TencentImOptions.ProviderType, section);
    }
}
