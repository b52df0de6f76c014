using System.Diagnostics.Metrics;
using Gateway.Core;
using Gateway.Core.Configuration;
using Gateway.Core.Diagnostics;
using Gateway.Core.Idempotency;
using Gateway.Core.Pipeline;
using Gateway.Core.RateLimiting;
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
    /// Registers <see cref="IMessageGateway"/> and its parts, configured in code only. Provider instances come from the
    /// adapters' builder extensions. Safe to call more than once.
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
        services.AddOptions();
        services.AddOptions<GatewayOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>());
        services.TryAddSingleton(new GatewayConfiguration(null));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GatewayMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton<SendMessageValidator>();
        services.TryAddSingleton<RevokeMessageValidator>();
        services.TryAddSingleton<CommandValidator>();
        services.TryAddSingleton<InMemoryIdempotencyStore>();
        services.TryAddSingleton<InMemoryRateLimitStore>();
        services.TryAddSingleton(static sp => Choose<IIdempotencyStore, InMemoryIdempotencyStore>(sp, sp.GetRequiredService<IOptions<GatewayOptions>>().Value.Idempotency.Store));
        services.TryAddSingleton(static sp => Choose<IRateLimitStore, InMemoryRateLimitStore>(sp, sp.GetRequiredService<IOptions<GatewayOptions>>().Value.RateLimiting.Store));
        services.TryAddSingleton(static sp => new WindowRateLimiter(
            sp.GetRequiredService<IRateLimitStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<GatewayMetrics>()));
        services.TryAddSingleton<ProviderRegistry>();
        services.TryAddSingleton(sp => new GatewayPipeline(
            sp.GetRequiredService<CommandValidator>(),
            sp.GetRequiredService<ProviderRegistry>(),
            sp.GetRequiredService<IIdempotencyStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<GatewayMetrics>(),
            (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger<GatewayPipeline>()));
        services.TryAddSingleton<IMessageGateway, MessageGateway>();
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
    /// Registers the gateway bound to a configuration section (usually <c>Gateway</c>). Each child of its
    /// <c>Providers</c> section is a provider instance: its <c>Type</c> selects the adapter, and the adapter's options
    /// are bound from the same child section under the instance's name.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The gateway section.</param>
    /// <returns>The builder that adapters extend.</returns>
    public static IGatewayBuilder AddMessagingGateway(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var builder = services.AddMessagingGateway();
        services.RemoveAll<GatewayConfiguration>();
        services.AddSingleton(new GatewayConfiguration(section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<GatewayOptions>, GatewayOptionsBinding>());
        return builder;
    }

    /// <summary>
    /// The store a setting names: the in-memory default, or the one a store package registered as a keyed service under
    /// the kind's name (the startup validator reports a kind that no package registered).
    /// </summary>
    private static TStore Choose<TStore, TInMemory>(IServiceProvider services, StoreKind kind)
        where TStore : class
        where TInMemory : TStore =>
        kind == StoreKind.InMemory ? services.GetRequiredService<TInMemory>() : services.GetRequiredKeyedService<TStore>(kind.ToString());

    private sealed record GatewayBuilder(IServiceCollection Services) : IGatewayBuilder;

    private sealed class GatewayMarker;
}
