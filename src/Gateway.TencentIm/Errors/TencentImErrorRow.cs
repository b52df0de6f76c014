using Gateway.Core.Contracts;

namespace Gateway.TencentIm.Errors;

/// <summary>One row of <see cref="TencentImErrorMap"/>: the kind of a Tencent code, the gateway code it becomes and whether it is transient.</summary>
/// <param name="Kind">The kind (reference §6 classes).</param>
/// <param name="Code">The gateway's code once retries and the UserSig renewal are spent.</param>
/// <param name="Transient">Whether trying again later may succeed.</param>
/// <param name="Meaning">The meaning, for messages.</param>
internal sealed record TencentImErrorRow(TencentImErrorKind Kind, GatewayErrorCode Code, bool Transient, string Meaning);
