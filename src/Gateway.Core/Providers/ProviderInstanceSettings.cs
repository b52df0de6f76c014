using Microsoft.Extensions.Configuration;

namespace Gateway.Core.Providers;

/// <summary>The name and raw settings of one configured provider instance.</summary>
public sealed class ProviderInstanceSettings
{
    /// <summary>Gets the instance name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the provider type name.</summary>
    public required string ProviderType { get; init; }

    /// <summary>Gets the configuration path of the instance, for error messages (for example <c>Gateway:Providers:openim</c>).</summary>
    public required string ConfigurationPath { get; init; }

    /// <summary>Gets the instance's configuration section; empty for instances configured only in code.</summary>
    public required IConfiguration Configuration { get; init; }

    /// <summary>Gets a value indicating whether unsupported options are rejected instead of ignored.</summary>
    public bool Strict { get; init; }
}
