using Gateway.Core.Contracts;

namespace Gateway.TencentIm.Errors;

/// <summary>One row of the error map: the class of a Tencent code, the gateway code it becomes and whether it is transient.</summary>
/// <param name="Class">The class.</param>
/// <param name="Code">The gateway's code once retries and the UserSig refresh are spent.</param>
/// <param name="Transient">Whether trying again later may succeed.</param>
/// <param name="Meaning">The meaning, for messages.</param>
internal readonly record struct TencentImError(TencentImErrorClass Class, GatewayErrorCode Code, bool Transient, string Meaning);
