namespace Gateway.Core.Routing;

/// <summary>A provider instance declared in code (<c>AddOpenIm(o =&gt; ...)</c>, <c>AddOpenIm(section)</c>) rather than under <c>Gateway:Providers</c>.</summary>
/// <param name="Instance">The instance.</param>
internal sealed record ProviderInstanceDeclaration(ProviderInstance Instance);
