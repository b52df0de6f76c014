using Gateway.Core.Http;
using Gateway.OpenIm;
using Gateway.OpenIm.Auth;
using Gateway.OpenIm.Client;
using Gateway.OpenIm.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the OpenIM provider type (<c>OpenIm</c>) on the gateway builder.</summary>
public static class OpenImGatewayBuilderExtensions
{
    /// <summary>Keys of the first release that moved, relative to an instance's section.</summary>
    private static readonly Dictionary<string, string> RenamedKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Resilience:MaxRetryAttempts"] = "Resilience:Retry:MaxRetryAttempts",
        ["Resilience:BaseDelay"] = "Resilience:Retry:BaseDelay",
        ["Resilience:MaxDelay"] = "Resilience:Retry:MaxDelay",
        ["Resilience:FailureRatio"] = "Resilience:CircuitBreaker:FailureRatio",
        ["Resilience:MinimumThroughput"] = "Resilience:CircuitBreaker:MinimumThroughput",
        ["Resilience:SamplingDuration"] = "Resilience:CircuitBreaker:SamplingDuration",
        ["Resilience:BreakDuration"] = "Resilience:CircuitBreaker:BreakDuration",
        ["RateLimit:PermitsPerSecond"] = "RateLimit:RequestsPerSecond",
        ["RateLimit:Burst"] = string.Empty,
        ["RateLimit:QueueLimit"] = string.Empty,
    };

    /// <summary>
    /// Registers the OpenIM provider type, so instances with <c>Gateway:Providers:&lt;name&gt;:Type = OpenIm</c> can be
    /// created from configuration: the typed client, the resilience pipeline per instance, the token handler, and the
    /// options validators. Safe to call more than once.
    /// </summary>
    /// <param name="builder">The gateway builder.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddOpenIm(this IGatewayBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(OpenImMarker)))
        {
            return builder;
        }

        services.AddSingleton<OpenImMarker>();
        services.TryAddSingleton(TimeProvider.System);
        builder.AddProviderType<OpenImOptions>(
            OpenImOptions.ProviderType,
            static (section, options) => section.Bind(options),
            static (sp, name) => ActivatorUtilities.CreateInstance<OpenImMessageProvider>(sp, name),
            RenamedKeys);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenImOptions>, OpenImOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenImOptions>, OpenImOptionsRules>());
        services.AddKeyedSingleton(KeyedService.AnyKey, static (sp, key) => CreateTokenCache(sp, (string)key!));
        // Core replaces the client factory's default request loggers, which keep raw header values in their structured
        // state, with its provider request logger, which never logs headers; the redaction stays in case a default
        // logger is added back.
        builder.AddProviderHttpClient<OpenImClient, OpenImAuthHandler>("openim", OpenImPipeline.Configure)
            .RedactLoggedHeaders([OpenImAuthHandler.TokenHeader]);
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
        builder.Services.Configure(name, configure);
        return builder.AddProviderInstance(name, OpenImOptions.ProviderType, strict);
    }

    /// <summary>Registers the OpenIM provider type and one instance named after the section's key, bound from it.</summary>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="section">The instance's section, for example <c>OpenIm</c> (the instance is then named <c>OpenIm</c>; its <c>Strict</c> key is read too).</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddOpenIm(this IGatewayBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddOpenIm();
        builder.Services.AddOptions<OpenImOptions>(section.Key).Bind(section);
        return builder.AddProviderInstance(section.Key, OpenImOptions.ProviderType, section.GetValue<bool>("Strict"), section.Path);
    }

    private static OpenImTokenCache CreateTokenCache(IServiceProvider services, string instance)
    {
        var target = new OpenImTarget(instance, services.GetRequiredService<IOptionsMonitor<OpenImOptions>>().Get(instance));
        var clients = services.GetRequiredService<ProviderClients<OpenImClient>>();
        return new OpenImTokenCache(
            instance,
            target.Options.TokenRefreshSkew,
            cancellationToken => clients.Create().GetAdminTokenAsync(target, cancellationToken),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger<OpenImTokenCache>());
    }

    private sealed class OpenImMarker;
}
