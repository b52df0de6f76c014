namespace Gateway.Core.Routing;

/// <summary>One provider instance as configured: under <c>Gateway:Providers</c> or declared in code.</summary>
/// <param name="Name">The instance name (case-insensitive, unique).</param>
/// <param name="TypeName">The provider type it names.</param>
/// <param name="Strict">Whether unsupported options reject the message instead of being ignored.</param>
/// <param name="ConfigurationPath">The key its settings live under, for error messages (for example <c>Gateway:Providers:openim</c>); empty means under the gateway section's <c>Providers</c>.</param>
internal sealed record ProviderInstance(string Name, string? TypeName, bool Strict, string ConfigurationPath);
