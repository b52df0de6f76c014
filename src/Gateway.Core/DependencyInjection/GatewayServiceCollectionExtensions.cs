using System.Diagnostics.Metrics;
using Gateway.Core;
using Gateway.Core.Diagnostics;
using Gateway.Core.Idempotency;
using Gateway.Core.Internal;
using Gateway.Core.Providers;
using Gateway.Core.Routing;
using Gateway.Core.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the messaging gateway.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMessageGateway"/> and its parts. Provider instances come from the adapters' builder
    /// extensions and from <c>Gateway:Providers</c> when a configuration section is given. Safe to call more than once.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The builder that adapters extend.</returns>
    public static IGatewayBuilder AddMessagingGateway(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(GatewayMarker)))
        {
            return new GatewayBuilder(services);
        }

        services.AddSingleton<GatewayMarker>();
        services.AddOptions<GatewayOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GatewayMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<SendMessageValidator>();
        services.TryAddSingleton<RevokeMessageValidator>();
        services.TryAddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
        services.TryAddSingleton(sp => new MessageProviderRegistry(
            sp.GetRequiredService<IOptions<GatewayOptions>>(),
            sp.GetServices<IMessageProviderFactory>(),
            sp.GetServices<ProviderInstanceRegistration>(),
            sp.GetService<GatewayConfigurationSource>()));
        services.TryAddSingleton<IMessageGateway>(sp => new MessageGateway(
            sp.GetRequiredService<SendMessageValidator>(),
            sp.GetRequiredService<RevokeMessageValidator>(),
            sp.GetRequiredService<MessageProviderRegistry>(),
            sp.GetRequiredService<IIdempotencyStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<GatewayMetrics>(),
            (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<MessageGateway>()));
        return new GatewayBuilder(services);
    }

    /// <summary>Registers the gateway and configures <see cref="GatewayOptions"/> in code.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder that adapters extend.</returns>
    public static IGatewayBuilder AddMessagingGateway(this IServiceCollection services, Action<GatewayOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddMessagingGateway();
        services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Registers the gateway bound to a configuration section (usually <c>Gateway</c>); each child of its
    /// <c>Providers</c> section is a provider instance whose <c>Type</c> selects the adapter.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The gateway section.</param>
    /// <returns>The builder that adapters extend.</returns>
    public static IGatewayBuilder AddMessagingGateway(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var builder = services.AddMessagingGateway();
        services.AddOptions<GatewayOptions>().Bind(section);
        services.RemoveAll<GatewayConfigurationSource>();
        services.AddSingleton(new GatewayConfigurationSource(section));
        return builder;
    }

    private sealed record GatewayBuilder(IServiceCollection Services) : IGatewayBuilder;

    private sealed class GatewayMarker;
}
