using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Host.Tests.Support;

/// <summary>Registers <see cref="ScriptedProviders"/> as a provider type.</summary>
internal static class ScriptedProviderGatewayBuilderExtensions
{
    public static IGatewayBuilder AddScriptedProviderType(this IGatewayBuilder builder, ScriptedProviders providers) =>
        builder.AddProviderType<ScriptedProviderOptions>(ScriptedProviders.Type, static (section, options) => section.Bind(options), (_, name) => providers[name]);
}
