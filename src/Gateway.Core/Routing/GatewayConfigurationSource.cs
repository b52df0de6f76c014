using Microsoft.Extensions.Configuration;

namespace Gateway.Core.Routing;

/// <summary>The <c>Gateway</c> configuration section the gateway was registered with, kept so each instance's own settings can be read.</summary>
internal sealed record GatewayConfigurationSource(IConfigurationSection Section);
