using Microsoft.Extensions.Configuration;

namespace Gateway.Core.Configuration;

/// <summary>
/// Where the gateway's settings come from: the section it was registered with (usually <c>Gateway</c>), or none when
/// it is configured only in code. Provider options are bound per instance from <c>{Path}:Providers:{name}</c>.
/// </summary>
/// <param name="Section">The gateway section, or <see langword="null"/>.</param>
internal sealed record GatewayConfiguration(IConfigurationSection? Section)
{
    /// <summary>Gets the section's path, for error messages and binding.</summary>
    public string Path => Section?.Path ?? GatewayOptions.SectionName;

    /// <summary>Gets the configuration path of an instance's settings.</summary>
    public string InstancePath(string name) => $"{Path}:Providers:{name}";
}
