using Microsoft.Extensions.Configuration;

namespace Gateway.Core.Routing;

/// <summary>A provider instance declared in code (for example by <c>AddOpenIm(o => ...)</c>) rather than under <c>Gateway:Providers</c>.</summary>
internal sealed record ProviderInstanceRegistration(string Name, string ProviderType, IConfiguration? Configuration, bool Strict);
