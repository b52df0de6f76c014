using System.Collections.Frozen;
using Gateway.Core.Contracts;

namespace Gateway.OpenIm.Errors;

/// <summary>
/// The one table from OpenIM error codes to the gateway's classification (reference §5 for v3, §7.2 for v2), plus
/// the few rules that need more than the code: errCode 500 that is really a content-validation failure, 1001
/// "message is not sent", v2's HTTP 400 token failure, HTTP 429 and bodiless answers.
/// </summary>
internal static class OpenImErrorMap
{
    /// <summary>The v3 HTTP 429 body code and the v3 admin-token error range.</summary>
    public const int RateLimitedCode = 429;

    /// <summary>The v2 answer to a token that does not parse, with HTTP 400 and errCode 400.</summary>
    public const string V2ParseTokenFailed = "parse token failed";

    private static readonly FrozenDictionary<int, OpenImErrorRow> V3Codes = new Dictionary<int, OpenImErrorRow>
    {
        [500] = new(GatewayErrorCode.ProviderUnavailable, true, "ServerInternalError"),
        [1000] = new(GatewayErrorCode.Unknown, true, "UnknownCode"),
        [1001] = new(GatewayErrorCode.InvalidMessage, false, "ArgsError"),
        [1002] = new(GatewayErrorCode.Forbidden, false, "NoPermissionError"),
        [1003] = new(GatewayErrorCode.Unknown, false, "DuplicateKeyError"),
        [1004] = new(GatewayErrorCode.RecipientNotFound, false, "RecordNotFoundError"),
        [1050] = new(GatewayErrorCode.Forbidden, false, "SecretNotChangedError"),
        [1101] = new(GatewayErrorCode.InvalidMessage, false, "UserIDNotFoundError"),
        [1102] = new(GatewayErrorCode.Unknown, false, "RegisteredAlreadyError"),
        [1201] = new(GatewayErrorCode.RecipientNotFound, false, "GroupIDNotFoundError"),
        [1202] = new(GatewayErrorCode.Unknown, false, "GroupIDExisted"),
        [1203] = new(GatewayErrorCode.RecipientRejected, false, "NotInGroupYetError"),
        [1204] = new(GatewayErrorCode.RecipientNotFound, false, "DismissedAlreadyError"),
        [1205] = new(GatewayErrorCode.Forbidden, false, "GroupTypeNotSupport"),
        [1206] = new(GatewayErrorCode.Unknown, false, "GroupRequestHandled"),
        [1301] = new(GatewayErrorCode.InvalidMessage, false, "CanNotAddYourselfError"),
        [1302] = new(GatewayErrorCode.RecipientRejected, false, "BlockedByPeer"),
        [1303] = new(GatewayErrorCode.RecipientRejected, false, "NotPeersFriend"),
        [1304] = new(GatewayErrorCode.Unknown, false, "RelationshipAlreadyError"),
        [1305] = new(GatewayErrorCode.Unknown, false, "FriendRequestHandled"),
        [1401] = new(GatewayErrorCode.Forbidden, false, "MessageHasReadDisable"),
        [1402] = new(GatewayErrorCode.RecipientRejected, false, "MutedInGroup"),
        [1403] = new(GatewayErrorCode.RecipientRejected, false, "MutedGroup"),
        [1404] = new(GatewayErrorCode.InvalidMessage, false, "MsgAlreadyRevoke"),
        [1501] = new(GatewayErrorCode.Unauthorized, false, "TokenExpiredError"),
        [1502] = new(GatewayErrorCode.Unauthorized, false, "TokenInvalidError"),
        [1503] = new(GatewayErrorCode.Unauthorized, false, "TokenMalformedError"),
        [1504] = new(GatewayErrorCode.Unauthorized, false, "TokenNotValidYetError"),
        [1505] = new(GatewayErrorCode.Unauthorized, false, "TokenUnknownError"),
        [1506] = new(GatewayErrorCode.Unauthorized, false, "TokenKickedError"),
        [1507] = new(GatewayErrorCode.Unauthorized, false, "TokenNotExistError"),
        [1520] = new(GatewayErrorCode.Forbidden, false, "OrgUserNoPermissionError"),
        [1601] = new(GatewayErrorCode.Unknown, false, "ConnOverMaxNumLimit"),
        [1602] = new(GatewayErrorCode.Unknown, false, "ConnArgsErr"),
        [1603] = new(GatewayErrorCode.Unknown, false, "PushMsgErr"),
        [1604] = new(GatewayErrorCode.Unknown, false, "IOSBackgroundPushErr"),
        [1701] = new(GatewayErrorCode.InvalidMessage, false, "FileUploadedExpiredError"),
        [10001] = new(GatewayErrorCode.Unknown, false, "FormattingError"),
        [10002] = new(GatewayErrorCode.Unknown, false, "HasRegistered"),
        [10003] = new(GatewayErrorCode.Unknown, false, "NotRegistered"),
        [10004] = new(GatewayErrorCode.Unknown, false, "PasswordErr"),
        [10005] = new(GatewayErrorCode.Unknown, false, "GetIMTokenErr"),
        [10006] = new(GatewayErrorCode.Unknown, false, "RepeatSendCode"),
        [10007] = new(GatewayErrorCode.Unknown, false, "MailSendCodeErr"),
        [10008] = new(GatewayErrorCode.Unknown, false, "SmsSendCodeErr"),
        [10009] = new(GatewayErrorCode.Unknown, false, "CodeInvalidOrExpired"),
        [10010] = new(GatewayErrorCode.Unknown, false, "RegisterFailed"),
        [10011] = new(GatewayErrorCode.Unknown, false, "ResetPasswordFailed"),
        [10012] = new(GatewayErrorCode.Unknown, false, "RegisterLimit"),
        [10013] = new(GatewayErrorCode.Unknown, false, "LoginLimit"),
        [10014] = new(GatewayErrorCode.Unknown, false, "InvitationError"),
        [80000] = new(GatewayErrorCode.RecipientRejected, false, "CallbackError"),
        [90002] = new(GatewayErrorCode.ProviderUnavailable, true, "DatabaseError"),
        [90004] = new(GatewayErrorCode.ProviderUnavailable, true, "NetworkError"),
        [90007] = new(GatewayErrorCode.Unknown, false, "DataError"),
        [RateLimitedCode] = new(GatewayErrorCode.RateLimited, true, "TooManyRequests"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<int, OpenImErrorRow> V2Codes = new Dictionary<int, OpenImErrorRow>
    {
        [201] = new(GatewayErrorCode.ProviderUnavailable, true, "callback stop / kafka send failed"),
        [203] = new(GatewayErrorCode.InvalidMessage, false, "unknown sessionType"),
        [400] = new(GatewayErrorCode.InvalidMessage, false, "request binding failed"),
        [401] = new(GatewayErrorCode.InvalidMessage, false, "content decode failed"),
        [403] = new(GatewayErrorCode.InvalidMessage, false, "content validation failed"),
        [404] = new(GatewayErrorCode.InvalidMessage, false, "contentType err"),
        [405] = new(GatewayErrorCode.InvalidMessage, false, "recvID or groupID missing for the sessionType"),
        [500] = new(GatewayErrorCode.ProviderUnavailable, true, "RPC call failed"),
        [600] = new(GatewayErrorCode.RecipientRejected, false, "in black list"),
        [601] = new(GatewayErrorCode.RecipientRejected, false, "not friend"),
        [700] = new(GatewayErrorCode.Unauthorized, false, "token parse error"),
        [701] = new(GatewayErrorCode.Unauthorized, false, "token expired"),
        [702] = new(GatewayErrorCode.Unauthorized, false, "token invalid"),
        [703] = new(GatewayErrorCode.Unauthorized, false, "token malformed"),
        [704] = new(GatewayErrorCode.Unauthorized, false, "token not valid yet"),
        [705] = new(GatewayErrorCode.Unauthorized, false, "token unknown"),
        [706] = new(GatewayErrorCode.Unauthorized, false, "token kicked"),
        [707] = new(GatewayErrorCode.Unauthorized, false, "token different platform"),
        [708] = new(GatewayErrorCode.Unauthorized, false, "token different user"),
        [801] = new(GatewayErrorCode.Forbidden, false, "access error"),
        [802] = new(GatewayErrorCode.ProviderUnavailable, true, "database error"),
        [803] = new(GatewayErrorCode.InvalidMessage, false, "args error"),
        [804] = new(GatewayErrorCode.Unknown, false, "status error"),
        [809] = new(GatewayErrorCode.RecipientRejected, false, "callback error"),
    }.ToFrozenDictionary();

    /// <summary>Gets the v3 table, for documentation tests.</summary>
    public static IReadOnlyDictionary<int, OpenImErrorRow> V3Table => V3Codes;

    /// <summary>Gets the v2 table, for documentation tests.</summary>
    public static IReadOnlyDictionary<int, OpenImErrorRow> V2Table => V2Codes;

    /// <summary>Looks a code up in the table of one API generation.</summary>
    /// <param name="legacyV2">Whether the server is v2.</param>
    /// <param name="errCode">The code.</param>
    /// <returns>The row, or <see langword="null"/> for a code the table does not know.</returns>
    public static OpenImErrorRow? Lookup(bool legacyV2, int errCode) =>
        (legacyV2 ? V2Codes : V3Codes).TryGetValue(errCode, out var row) ? row : null;

    /// <summary>Whether an answer is an admin-token failure that a fresh token may cure (refresh and replay once).</summary>
    /// <param name="legacyV2">Whether the server is v2.</param>
    /// <param name="httpStatus">The HTTP status.</param>
    /// <param name="errCode">The body's errCode.</param>
    /// <param name="errMsg">The body's errMsg.</param>
    /// <returns><see langword="true"/> for v3 1501–1507 and v2's HTTP 400 "parse token failed".</returns>
    public static bool IsTokenError(bool legacyV2, int httpStatus, int? errCode, string? errMsg) => legacyV2
        ? httpStatus == 400 && errCode == 400 && string.Equals(errMsg, V2ParseTokenFailed, StringComparison.OrdinalIgnoreCase)
        : errCode is >= 1501 and <= 1507;

    /// <summary>Classifies a failed answer.</summary>
    /// <param name="legacyV2">Whether the server is v2.</param>
    /// <param name="httpStatus">The HTTP status.</param>
    /// <param name="errCode">The body's errCode, or <see langword="null"/> when there was no JSON envelope.</param>
    /// <param name="errMsg">The body's errMsg.</param>
    /// <param name="errDlt">The body's errDlt (v3 only).</param>
    /// <returns>The gateway code and whether trying again later may help.</returns>
    public static OpenImErrorRow Classify(bool legacyV2, int httpStatus, int? errCode, string? errMsg, string? errDlt)
    {
        if (httpStatus == 429)
        {
            return new(GatewayErrorCode.RateLimited, true, "HTTP 429");
        }

        if (errCode is null or 0)
        {
            return httpStatus switch
            {
                404 => new(GatewayErrorCode.Forbidden, false, "HTTP 404: route not found (check BaseUrl and ApiVersion)"),
                408 => new(GatewayErrorCode.ProviderUnavailable, true, "HTTP 408"),
                >= 500 => new(GatewayErrorCode.ProviderUnavailable, true, $"HTTP {httpStatus}"),
                _ => new(GatewayErrorCode.Unknown, false, $"HTTP {httpStatus} without an OpenIM error body"),
            };
        }

        var code = errCode.Value;
        if (legacyV2)
        {
            if (IsTokenError(legacyV2: true, httpStatus, code, errMsg))
            {
                return new(GatewayErrorCode.Unauthorized, false, "token rejected");
            }

            if (code == 400 && string.Equals(errMsg, "not authorized", StringComparison.OrdinalIgnoreCase))
            {
                return new(GatewayErrorCode.Forbidden, false, "the token's user is not an app manager");
            }

            if (code == 201 && errMsg?.Contains("callback", StringComparison.OrdinalIgnoreCase) == true)
            {
                return new(GatewayErrorCode.RecipientRejected, false, "refused by a callback");
            }
        }
        else if (code == 500 && IsPermanentServerError(errDlt))
        {
            return new(GatewayErrorCode.InvalidMessage, false, "content rejected by the server's validator");
        }
        else if (code == 1001 && errDlt?.Contains("message is not sent", StringComparison.OrdinalIgnoreCase) == true)
        {
            return new(GatewayErrorCode.RecipientRejected, false, "the recipient does not accept messages");
        }

        return Lookup(legacyV2, code) ?? new(GatewayErrorCode.Unknown, false, "unlisted code");
    }

    /// <summary>
    /// errCode 500 is a server failure, except the content decode/validation failures (validator text starts with
    /// <c>Key: '</c>, mapstructure text contains <c>decoding</c>) and gRPC messages over the size limit.
    /// </summary>
    private static bool IsPermanentServerError(string? errDlt) =>
        errDlt is not null
        && (errDlt.StartsWith("Key: '", StringComparison.Ordinal)
            || errDlt.Contains("decoding", StringComparison.OrdinalIgnoreCase)
            || errDlt.Contains("larger than max", StringComparison.OrdinalIgnoreCase)
            || errDlt.Contains("ResourceExhausted", StringComparison.Ordinal));
}
