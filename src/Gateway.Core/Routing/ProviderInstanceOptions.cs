namespace Gateway.Core.Routing;

/// <summary>
/// The settings every provider instance has (<c>Gateway:Providers:&lt;name&gt;</c>); the type's own settings sit
/// beside them in the same section and are bound to the type's options (for example <c>OpenImOptions</c>).
/// </summary>
public sealed class ProviderInstanceOptions
{
    /// <summary>Gets or sets the provider type: <c>OpenIm</c> or <c>TencentIm</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets a value indicating whether options the provider cannot honour reject the message instead of being ignored.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool Strict { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the instance is used. A disabled instance is neither validated nor
    /// created, so a configuration layer can switch off an instance an earlier layer declared.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;
}
