using Gateway.TencentIm;
using Gateway.TencentIm.Auth;
using Gateway.TencentIm.Client;
using Gateway.TencentIm.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Tencent Cloud IM provider type (<c>TencentIm</c>) on the gateway builder.</summary>
public static class TencentImGatewayBuilderExtensions
{
    /// <summary>Keys of the first release that moved, relative to an instance's section.</summary>
    private static readonly Dictionary<string, string> RenamedKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Retry:MaxRetries"] = "Resilience:Retry:MaxRetryAttempts",
        ["Retry:BaseDelay"] = "Resilience:Retry:BaseDelay",
        ["Retry:MaxDelay"] = "Resilience:Retry:MaxDelay",
        ["Retry:RateLimitDelay"] = "Resilience:Retry:RateLimitedDelay",
        ["Resilience:FailureRatio"] = "Resilience:CircuitBreaker:FailureRatio",
        ["Resilience:MinimumThroughput"] = "Resilience:CircuitBreaker:MinimumThroughput",
        ["Resilience:SamplingDuration"] = "Resilience:CircuitBreaker:SamplingDuration",
        ["Resilience:BreakDuration"] = "Resilience:CircuitBreaker:BreakDuration",
        ["Quotas:RequestsPerSecond"] = "RateLimit:RequestsPerSecond",
        ["Quotas:BatchRecipientsPerMinute"] = "RateLimit:BatchRecipientsPerMinute",
        ["Quotas:GroupMessagesPerSecond"] = "RateLimit:GroupMessagesPerSecond",
        ["Quotas:SafetyMargin"] = string.Empty,
    };

    /// <summary>
    /// Registers the Tencent provider type, so instances with <c>Gateway:Providers:&lt;name&gt;:Type = TencentIm</c> can
    /// be created from configuration: the typed client, the resilience pipeline per instance, the signature handler, the
    /// UserSig cache per instance, and the options validators. Safe to call more than once.
    /// </summary>
    /// <param name="builder">The gateway builder.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddTencentIm(this IGatewayBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(TencentImMarker)))
        {
            return builder;
        }

        services.AddSingleton<TencentImMarker>();
        services.TryAddSingleton(TimeProvider.System);
        builder.AddProviderType<TencentImOptions>(
            TencentImOptions.ProviderType,
            static (section, options) => section.Bind(options),
            static (sp, name) => ActivatorUtilities.CreateInstance<TencentImMessageProvider>(sp, name),
            RenamedKeys);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TencentImOptions>, TencentImOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TencentImOptions>, TencentImOptionsRules>());
        services.AddKeyedSingleton(KeyedService.AnyKey, static (sp, key) => CreateUserSigCache(sp, (string)key!));
        builder.AddProviderHttpClient<TencentImClient, TencentImAuthHandler>("tencent", TencentImPipeline.Configure);
        return builder;
    }

    /// <summary>Registers the Tencent provider type and one instance named <c>tencent</c>, configured in code.</summary>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="configure">Sets the instance's options.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddTencentIm(this IGatewayBuilder builder, Action<TencentImOptions> configure) =>
        builder.AddTencentIm(TencentImOptions.DefaultInstanceName, configure);

    /// <summary>Registers the Tencent provider type and one named instance, configured in code.</summary>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="name">The instance name (what <c>SendMessage.provider</c> refers to).</param>
    /// <param name="configure">Sets the instance's options.</param>
    /// <param name="strict">Whether options the provider cannot honour reject the message instead of being ignored.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddTencentIm(this IGatewayBuilder builder, string name, Action<TencentImOptions> configure, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddTencentIm();
        builder.Services.Configure(name, configure);
        return builder.AddProviderInstance(name, TencentImOptions.ProviderType, strict);
    }

    /// <summary>Registers the Tencent provider type and one instance named after the section's key, bound from it.</summary>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="section">The instance's section, for example <c>Im:tencent-eu</c> (the instance is then named <c>tencent-eu</c>; its <c>Strict</c> key is read too).</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddTencentIm(this IGatewayBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.AddTencentIm();
        builder.Services.AddOptions<TencentImOptions>(section.Key).Bind(section);
        return builder.AddProviderInstance(section.Key, TencentImOptions.ProviderType, section.GetValue<bool>("Strict"), section.Path);
    }

    private static UserSigCache CreateUserSigCache(IServiceProvider services, string instance)
    {
        var options = services.GetRequiredService<IOptionsMonitor<TencentImOptions>>().Get(instance);
        return new UserSigCache(
            instance,
            options.SdkAppId,
            options.AdminIdentifier,
            options.SecretKey!,
            options.UserSigLifetime,
            options.UserSigRefreshSkew,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger<UserSigCache>());
    }

    private sealed class TencentImMarker;
}
