namespace Gateway.TencentIm.Errors;

/// <summary>The class of a Tencent error code (reference §6): how the adapter treats it.</summary>
internal enum TencentImErrorKind
{
    /// <summary>Not in the table: reported as it is, not retried.</summary>
    Unknown,

    /// <summary>Success (20023 "already recalled" on a recall).</summary>
    Success,

    /// <summary>Transient or internal: retried with backoff and jitter, byte-identical body.</summary>
    Retryable,

    /// <summary>A quota: retried after at least one second (70050 is not retried: it needs at least 60 seconds).</summary>
    RateLimited,

    /// <summary>The UserSig: regenerated and the call replayed once; then a configuration problem.</summary>
    Auth,

    /// <summary>20002: the UserSig is regenerated once, then the code is retried like a transient one.</summary>
    AuthThenRetryable,

    /// <summary>A gateway bug or bad input: not retried.</summary>
    BadRequest,

    /// <summary>The recipient (or group) does not exist or refused: not retried, reported per recipient.</summary>
    Recipient,

    /// <summary>SDKAppID, edition, feature, permission, region or IP allowlist: not retried.</summary>
    Config,

    /// <summary>A recall that cannot succeed (not found, time limit, not recallable, disabled): not retried.</summary>
    Revoke,
}
