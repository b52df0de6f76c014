using Gateway.Core.Configuration;
using Gateway.Core.Providers;
using Gateway.Core.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Extension points for provider adapters: a provider type with named options, and instances declared in code.</summary>
public static class GatewayBuilderExtensions
{
    /// <summary>
    /// Registers a provider type. Its instances' options are named options of <typeparamref name="TOptions"/>, one name
    /// per instance, bound from <c>Gateway:Providers:{name}</c> (and from code with
    /// <c>services.Configure&lt;TOptions&gt;(name, ...)</c>); the type's <c>IValidateOptions&lt;TOptions&gt;</c> run at
    /// startup for every enabled instance, and their failures are reported by full key. Safe to call more than once.
    /// </summary>
    /// <typeparam name="TOptions">The type's options.</typeparam>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="typeName">The value of <c>Type</c> that selects it, for example <c>OpenIm</c>.</param>
    /// <param name="bind">Binds a section to the options (pass <c>(section, o) =&gt; section.Bind(o)</c>, so the binding source generator sees the concrete type).</param>
    /// <param name="create">Creates the named instance.</param>
    /// <param name="renamedKeys">Keys of earlier releases and their new names (relative to the instance's section); a configuration that still sets one fails at startup naming the new key.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddProviderType<TOptions>(
        this IGatewayBuilder builder,
        string typeName,
        Action<IConfiguration, TOptions> bind,
        Func<IServiceProvider, string, IMessageProvider> create,
        IReadOnlyDictionary<string, string>? renamedKeys = null)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(create);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ProviderTypeRegistration) && d.ImplementationInstance is ProviderTypeRegistration r
            && string.Equals(r.TypeName, typeName, StringComparison.OrdinalIgnoreCase)))
        {
            return builder;
        }

        services.AddSingleton<IConfigureOptions<TOptions>>(sp => new ProviderOptionsBinding<TOptions>(sp.GetRequiredService<GatewayConfiguration>(), bind));
        var renamed = renamedKeys ?? new Dictionary<string, string>();
        services.AddSingleton(new ProviderTypeRegistration(
            typeName,
            (sp, instance) =>
            [
                .. ConfigurationErrors.Renamed(sp.GetRequiredService<GatewayConfiguration>(), instance, renamed),
                .. ConfigurationErrors.Check(sp.GetRequiredService<IOptionsMonitor<TOptions>>(), instance.Name, instance.ConfigurationPath),
            ],
            create));
        return builder;
    }

    /// <summary>
    /// Declares a provider instance in code, beside those under <c>Gateway:Providers</c>. Adapters call this from
    /// their <c>AddXxx(Action&lt;TOptions&gt;)</c> and <c>AddXxx(IConfigurationSection)</c> overloads, after
    /// configuring the instance's named options.
    /// </summary>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="name">The instance name (case-insensitive, unique).</param>
    /// <param name="typeName">The provider type, for example <c>OpenIm</c>.</param>
    /// <param name="strict">Whether unsupported options reject the message instead of being ignored.</param>
    /// <param name="configurationPath">Where its settings live, for error messages; <see langword="null"/> means <c>Gateway:Providers:{name}</c>.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddProviderInstance(this IGatewayBuilder builder, string name, string typeName, bool strict = false, string? configurationPath = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        builder.Services.AddSingleton(new ProviderInstanceDeclaration(new ProviderInstance(
            name,
            typeName,
            strict,
            configurationPath ?? string.Empty)));
        return builder;
    }
}
