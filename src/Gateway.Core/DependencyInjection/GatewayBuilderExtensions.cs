using Gateway.Core.Routing;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Extension points for provider adapters.</summary>
public static class GatewayBuilderExtensions
{
    /// <summary>
    /// Declares a provider instance in code, beside those under <c>Gateway:Providers</c>. Adapters call this from their
    /// <c>AddXxx(Action&lt;TOptions&gt;)</c> and <c>AddXxx(IConfigurationSection)</c> overloads.
    /// </summary>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="name">The instance name (case-insensitive, unique).</param>
    /// <param name="providerType">The provider type, for example <c>OpenIm</c>.</param>
    /// <param name="configuration">The instance's settings, or <see langword="null"/> when it is configured only in code.</param>
    /// <param name="strict">Whether unsupported options reject the message; <see langword="null"/> reads <c>Strict</c> from <paramref name="configuration"/>.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddProviderInstance(this IGatewayBuilder builder, string name, string providerType, IConfiguration? configuration = null, bool? strict = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(providerType);
        var isStrict = strict ?? configuration?.GetValue<bool>("Strict") ?? false;
        builder.Services.AddSingleton(new ProviderInstanceRegistration(name, providerType, configuration, isStrict));
        return builder;
    }
}
