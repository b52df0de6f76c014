namespace Gateway.Sandbox.TencentIm;

/// <summary>The decoded JSON document inside a UserSig v2.</summary>
/// <param name="Version">The <c>TLS.ver</c> value (<c>2.0</c>).</param>
/// <param name="Identifier">The <c>TLS.identifier</c> value.</param>
/// <param name="SdkAppId">The <c>TLS.sdkappid</c> value.</param>
/// <param name="Time">The <c>TLS.time</c> value, unix seconds.</param>
/// <param name="Expire">The <c>TLS.expire</c> value: validity in seconds after <paramref name="Time"/>.</param>
/// <param name="Signature">The <c>TLS.sig</c> value: standard base64 of the HMAC-SHA256.</param>
/// <param name="UserBuf">The <c>TLS.userbuf</c> value, only in the TRTC variant.</param>
public sealed record UserSigDocument(string Version, string Identifier, long SdkAppId, long Time, long Expire, string Signature, string? UserBuf)
{
    /// <summary>Gets the generation time.</summary>
    public DateTimeOffset GeneratedAt => DateTimeOffset.FromUnixTimeSeconds(Time);

    /// <summary>Gets the last instant at which the token is still valid (<c>time + expire</c>).</summary>
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(Time + Expire);
}
