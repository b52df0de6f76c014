namespace Gateway.Core.Providers;

/// <summary>
/// Creates provider instances of one type from their settings. Adapters register one factory each
/// (for example <c>AddOpenIm()</c>); the gateway picks it by <c>Gateway:Providers:&lt;name&gt;:Type</c>.
/// </summary>
public interface IMessageProviderFactory
{
    /// <summary>Gets the type name used in configuration, for example <c>OpenIm</c> (compared case-insensitively).</summary>
    string ProviderType { get; }

    /// <summary>Checks an instance's settings without creating it; runs at startup.</summary>
    /// <param name="instance">The instance's name and settings.</param>
    /// <returns>The problems found, each naming its configuration key; empty when the settings are valid.</returns>
    IReadOnlyList<string> Validate(ProviderInstanceSettings instance);

    /// <summary>Creates the instance from settings that passed <see cref="Validate"/>.</summary>
    /// <param name="instance">The instance's name and settings.</param>
    /// <returns>The provider.</returns>
    IMessageProvider Create(ProviderInstanceSettings instance);
}
