using System.Collections.Frozen;
using Gateway.Core.Contracts;
using static Gateway.TencentIm.Errors.TencentImErrorKind;

namespace Gateway.TencentIm.Errors;

/// <summary>
/// Every Tencent error code of reference §6 with its class, and the gateway code and transience it ends as. The one
/// place that decides how the adapter treats a code: retried in the HTTP pipeline (Retryable, RateLimited), UserSig
/// renewed and replayed (Auth), reported per recipient (Recipient), or thrown (everything else).
/// </summary>
internal static class TencentImErrorMap
{
    /// <summary>The wait Tencent asks for after 70050 (too many failed UserSig checks).</summary>
    public static readonly TimeSpan AuthLockoutDelay = TimeSpan.FromSeconds(60);

    private static readonly FrozenDictionary<int, TencentImErrorRow> Table = new Dictionary<int, TencentImErrorRow>
    {
        [60002] = Bad("HTTP parse error or bad URL"),
        [60003] = Bad("request JSON parse error"),
        [60004] = Renew("identifier or UserSig wrong"),
        [60005] = Renew("identifier or UserSig wrong"),
        [60006] = Unauthorized("SDKAppID invalid"),
        [60007] = Limited("REST call frequency over the limit"),
        [60008] = Retry("service timeout or bad HTTP format (outcome unknown)"),
        [60009] = Bad("bad resource or URL"),
        [60010] = Forbidden("App admin required"),
        [60011] = Limited("SDKAppID request frequency over the limit"),
        [60012] = Bad("SDKAppID missing in the URL"),
        [60013] = Retry("response JSON parse error (internal)"),
        [60014] = Retry("account exchange timeout"),
        [60015] = Bad("account field must be a string"),
        [60016] = Forbidden("SDKAppID disabled"),
        [60017] = Forbidden("request disabled"),
        [60018] = Limited("too frequent"),
        [60019] = Limited("too frequent"),
        [60020] = Forbidden("package expired or not yet active"),
        [60021] = Forbidden("caller IP not on the allowlist"),
        [70001] = Renew("UserSig expired"),
        [70002] = Renew("UserSig empty"),
        [70003] = Renew("UserSig check failed"),
        [70005] = Renew("UserSig truncated"),
        [70009] = Renew("UserSig signature verification failed (wrong key or SDKAppID)"),
        [70013] = Unauthorized("identifier does not match the UserSig"),
        [70014] = Unauthorized("SDKAppID does not match the UserSig"),
        [70016] = Unauthorized("key not found (wrong data centre or domain)"),
        [70020] = Unauthorized("SDKAppID not found (wrong data centre)"),
        [70050] = new(RateLimited, GatewayErrorCode.RateLimited, true, "too many failed UserSig checks; locked out for at least 60 s"),
        [70051] = Rejected("account blacklisted"),
        [70052] = Renew("UserSig invalidated"),
        [70107] = NotFound("account not imported or does not exist"),
        [70114] = Forbidden("restricted for security reasons"),
        [70169] = Retry("internal timeout"),
        [70202] = Retry("internal timeout"),
        [70206] = Bad("invalid batch count"),
        [70398] = Forbidden("account count over the free-edition limit"),
        [70402] = Bad("invalid parameters"),
        [70403] = Forbidden("App admin required"),
        [70500] = Retry("internal error"),
        [80001] = Bad("text hit content moderation"),
        [80002] = Bad("message body too long"),
        [20001] = Bad("invalid request packet"),
        [20002] = new(AuthThenRetryable, GatewayErrorCode.ProviderUnavailable, true, "internal auth failed"),
        [20003] = NotFound("sender or recipient UserID invalid or not imported"),
        [20004] = Retry("network error"),
        [20005] = Retry("internal server error"),
        [20006] = Rejected("before-send callback rejected the message"),
        [20007] = Rejected("sender is on the recipient's blocklist"),
        [20009] = Rejected("not friends"),
        [20010] = Rejected("one-way friendship"),
        [20011] = Rejected("one-way friendship"),
        [20012] = Rejected("sender muted"),
        [20016] = RecallFailed("recall time limit"),
        [20018] = Retry("internal error deleting roaming data"),
        [20022] = RecallFailed("message to recall not found"),
        [20023] = new(Success, GatewayErrorCode.Unknown, false, "message already recalled"),
        [90001] = Bad("body is not valid JSON"),
        [90002] = Bad("MsgBody not per spec"),
        [90003] = Bad("To_Account missing or invalid"),
        [90005] = Bad("MsgRandom missing or not an integer"),
        [90006] = Bad("MsgTimeStamp not an integer"),
        [90007] = Bad("MsgBody not an array"),
        [90008] = Forbidden("From_Account missing or does not exist"),
        [90009] = Forbidden("App admin required"),
        [90010] = Bad("element format invalid"),
        [90011] = Bad("batch over 500 recipients"),
        [90012] = NotFound("To_Account not registered or does not exist"),
        [90026] = Bad("MsgLifeTime over 7 days"),
        [90031] = Bad("SyncOtherMachine not an integer"),
        [90044] = Bad("MsgLifeTime not an integer"),
        [90048] = NotFound("requested account does not exist"),
        [90054] = Bad("invalid MsgKey"),
        [90992] = Retry("internal error (or the app's callback server is failing)"),
        [90994] = Retry("internal error"),
        [90995] = Retry("internal error"),
        [91000] = Retry("internal error"),
        [93000] = Bad("JSON body too long"),
        [10002] = Retry("group: internal error"),
        [10003] = Bad("group: bad API name"),
        [10004] = Bad("group: bad parameters"),
        [10005] = Bad("group: too many accounts"),
        [10006] = Limited("group: operation frequency limit"),
        [10007] = Forbidden("group: insufficient permission"),
        [10008] = Renew("group: invalid request signature"),
        [10010] = NotFound("group does not exist or is dissolved"),
        [10015] = NotFound("invalid GroupId"),
        [10016] = Rejected("group: rejected by the app callback"),
        [10017] = Rejected("group: sender muted"),
        [10019] = NotFound("group: account does not exist"),
        [10023] = Limited("group: message frequency limit (40/s per group)"),
        [10030] = RecallFailed("group recall: message not found"),
        [10031] = RecallFailed("group recall: time limit"),
        [10032] = RecallFailed("group recall: message not recallable"),
        [10033] = new(Revoke, GatewayErrorCode.Forbidden, false, "group recall: group type unsupported"),
        [10041] = new(Revoke, GatewayErrorCode.Forbidden, false, "group recall: recall disabled for the app"),
    }.ToFrozenDictionary();

    /// <summary>Gets every code of the table (for documentation and tests).</summary>
    public static IEnumerable<int> Codes => Table.Keys;

    /// <summary>Classifies a code; 120001–130000 are the app's own C2C callback codes (rejected by the callback).</summary>
    public static TencentImErrorRow Lookup(int code) =>
        Table.TryGetValue(code, out var error) ? error
        : code is >= 120_001 and <= 130_000 ? Rejected("rejected by the app's C2C callback")
        : new(Unknown, GatewayErrorCode.Unknown, false, "unknown error code");

    /// <summary>Whether the HTTP pipeline repeats a call that got this code (byte-identical body).</summary>
    public static bool IsRetried(int code) => Lookup(code).Kind switch
    {
        Retryable or AuthThenRetryable => true,
        RateLimited => code != 70050,
        _ => false,
    };

    /// <summary>Whether the code means the UserSig must be regenerated and the call replayed once.</summary>
    public static bool IsAuth(int code) => Lookup(code).Kind is TencentImErrorKind.Auth or AuthThenRetryable;

    /// <summary>Whether the code is a quota answer (waits at least the rate-limit delay before a retry).</summary>
    public static bool IsRateLimited(int code) => Lookup(code).Kind == RateLimited;

    /// <summary>Whether the code is a success (20023 "already recalled" on a recall).</summary>
    public static bool IsSuccess(int code) => code == 0 || Lookup(code).Kind == Success;

    /// <summary>Whether the code concerns the recipient (or group) only, so a batch reports it per recipient.</summary>
    public static bool IsAboutRecipient(int code) => Lookup(code).Kind == Recipient;

    /// <summary>Whether the code counts as an outage for the circuit breaker (internal errors, not quotas or bad input).</summary>
    public static bool IsOutage(int code) => Lookup(code).Kind == Retryable;

    private static TencentImErrorRow Retry(string meaning) => new(Retryable, GatewayErrorCode.ProviderUnavailable, true, meaning);

    private static TencentImErrorRow Limited(string meaning) => new(RateLimited, GatewayErrorCode.RateLimited, true, meaning);

    private static TencentImErrorRow Renew(string meaning) => new(TencentImErrorKind.Auth, GatewayErrorCode.Unauthorized, false, meaning);

    private static TencentImErrorRow Unauthorized(string meaning) => new(Config, GatewayErrorCode.Unauthorized, false, meaning);

    private static TencentImErrorRow Forbidden(string meaning) => new(Config, GatewayErrorCode.Forbidden, false, meaning);

    private static TencentImErrorRow Bad(string meaning) => new(BadRequest, GatewayErrorCode.InvalidMessage, false, meaning);

    private static TencentImErrorRow NotFound(string meaning) => new(Recipient, GatewayErrorCode.RecipientNotFound, false, meaning);

    private static TencentImErrorRow Rejected(string meaning) => new(Recipient, GatewayErrorCode.RecipientRejected, false, meaning);

    private static TencentImErrorRow RecallFailed(string meaning) => new(TencentImErrorKind.Revoke, GatewayErrorCode.InvalidMessage, false, meaning);
}
