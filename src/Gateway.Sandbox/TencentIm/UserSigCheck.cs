namespace Gateway.Sandbox.TencentIm;

/// <summary>The outcome of decoding or verifying a UserSig.</summary>
public enum UserSigCheck
{
    /// <summary>The token is valid.</summary>
    Valid,

    /// <summary>No token was given (Tencent 70002).</summary>
    Empty,

    /// <summary>Not base64, not zlib or not the expected JSON document (Tencent 70003).</summary>
    Malformed,

    /// <summary>The zlib stream is cut short (Tencent 70005).</summary>
    Truncated,

    /// <summary><c>TLS.sdkappid</c> differs from the URL's <c>sdkappid</c> (Tencent 70014).</summary>
    SdkAppIdMismatch,

    /// <summary><c>TLS.identifier</c> differs from the URL's <c>identifier</c> (Tencent 70013).</summary>
    IdentifierMismatch,

    /// <summary>The current time is after <c>TLS.time + TLS.expire</c> (Tencent 70001).</summary>
    Expired,

    /// <summary>The HMAC does not match: wrong key or tampered fields (Tencent 70009).</summary>
    BadSignature,
}
