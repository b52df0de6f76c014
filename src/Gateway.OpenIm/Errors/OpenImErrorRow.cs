using Gateway.Core.Contracts;

namespace Gateway.OpenIm.Errors;

/// <summary>One row of <see cref="OpenImErrorMap"/>.</summary>
/// <param name="Code">The gateway's classification.</param>
/// <param name="Transient">Whether trying again later may succeed.</param>
/// <param name="Name">The provider's name for the code, or what it means.</param>
internal sealed record OpenImErrorRow(GatewayErrorCode Code, bool Transient, string Name);
