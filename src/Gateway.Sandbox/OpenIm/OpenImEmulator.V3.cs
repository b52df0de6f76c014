using System.Text.Json.Nodes;
using Gateway.Sandbox.OpenIm.Internal;
using Microsoft.AspNetCore.Http;

namespace Gateway.Sandbox.OpenIm;

/// <summary>The v3 API (reference §1–§5): middleware, tokens, <c>send_msg</c> and <c>batch_send_msg</c>.</summary>
public sealed partial class OpenImEmulator
{
    private const string SendMsgStruct = "SendMsgReq";
    private const string BatchStruct = "BatchSendMsgReq";

    /// <summary>sdkws <c>OfflinePushInfo</c>: <c>iOSBadgeCount</c> is a bool.</summary>
    internal static readonly BindField[] OfflinePushInfoFields =
    [
        new("title", "OfflinePushInfo.Title", GoKind.String),
        new("desc", "OfflinePushInfo.Desc", GoKind.String),
        new("ex", "OfflinePushInfo.Ex", GoKind.String),
        new("iOSPushSound", "OfflinePushInfo.IOSPushSound", GoKind.String),
        new("iOSBadgeCount", "OfflinePushInfo.IOSBadgeCount", GoKind.Bool),
        new("signalInfo", "OfflinePushInfo.SignalInfo", GoKind.String),
    ];

    private static readonly BindField[] SendMsgFields = SendMsgCommon(SendMsgStruct)
        .Append(new BindField("recvID", "SendMsgReq.RecvID", GoKind.String, BindRule.RequiredIfSessionType(1, 4)))
        .ToArray();

    private static readonly BindField[] BatchFields = SendMsgCommon(BatchStruct)
        .Append(new BindField("isSendAll", "BatchSendMsgReq.IsSendAll", GoKind.Bool))
        .Append(new BindField("recvIDs", "BatchSendMsgReq.RecvIDs", GoKind.StringSlice, BindRule.Required))
        .ToArray();

    private static readonly BindField[] AdminTokenFields =
    [
        new("secret", "GetAdminTokenReq.Secret", GoKind.String),
        new("userID", "GetAdminTokenReq.UserID", GoKind.String),
    ];

    private static readonly BindField[] UserTokenFields =
    [
        new("secret", "UserTokenReq.Secret", GoKind.String),
        new("platformID", "UserTokenReq.PlatformID", GoKind.Int32),
        new("userID", "UserTokenReq.UserID", GoKind.String),
    ];

    private static IEnumerable<BindField> SendMsgCommon(string root) =>
    [
        new("sendID", root + ".SendMsg.SendID", GoKind.String, BindRule.Required),
        new("groupID", root + ".SendMsg.GroupID", GoKind.String, BindRule.RequiredIfSessionType(2, 3)),
        new("senderNickname", root + ".SendMsg.SenderNickname", GoKind.String),
        new("senderFaceURL", root + ".SendMsg.SenderFaceURL", GoKind.String),
        new("senderPlatformID", root + ".SendMsg.SenderPlatformID", GoKind.Int32),
        new("content", root + ".SendMsg.Content", GoKind.Map, BindRule.Required),
        new("contentType", root + ".SendMsg.ContentType", GoKind.Int32, BindRule.Required),
        new("sessionType", root + ".SendMsg.SessionType", GoKind.Int32, BindRule.Required),
        new("isOnlineOnly", root + ".SendMsg.IsOnlineOnly", GoKind.Bool),
        new("notOfflinePush", root + ".SendMsg.NotOfflinePush", GoKind.Bool),
        new("sendTime", root + ".SendMsg.SendTime", GoKind.Int64),
        new("offlinePushInfo", root + ".SendMsg.OfflinePushInfo", GoKind.Map) { Nested = OfflinePushInfoFields },
        new("ex", root + ".SendMsg.Ex", GoKind.String),
    ];

    private async Task HandleV3Async(HttpContext context, string body)
    {
        var path = context.Request.Path.Value ?? "/";
        string? tokenUser = null;
        string operationId = string.Empty;
        if (HttpMethods.IsPost(context.Request.Method))
        {
            // Global middleware (tools mw.GinParseOperationID, api GinParseToken): runs before routing, even for unknown paths.
            operationId = context.Request.Headers["operationID"].ToString();
            if (operationId.Length == 0)
            {
                await WriteAsync(context, 200, Envelope(1001, "ArgsError", "header must have operationID"));
                return;
            }

            if (!IsWhitelisted(path))
            {
                var token = context.Request.Headers["token"].ToString();
                if (token.Length == 0)
                {
                    await WriteAsync(context, 200, Envelope(1001, "ArgsError", "header must have token"));
                    return;
                }

                var (code, name, user) = CheckTokenV3(token);
                if (code != 0)
                {
                    await WriteAsync(context, 200, Envelope(code, name, string.Empty));
                    return;
                }

                tokenUser = user;
            }
        }
        else
        {
            await NotFoundAsync(context);
            return;
        }

        switch (path)
        {
            case OpenImRoutes.GetAdminToken when Generation == OpenImServerGeneration.V3:
                await WriteAsync(context, 200, GetAdminToken(body));
                break;
            case OpenImRoutes.UserToken when Generation == OpenImServerGeneration.V3UserToken:
                await WriteAsync(context, 200, UserTokenV3(body));
                break;
            case OpenImRoutes.SendMsg:
                var (status, answer) = SendMsgV3(body, tokenUser!, operationId);
                await WriteAsync(context, status, answer);
                break;
            case OpenImRoutes.BatchSendMsg:
                var (batchStatus, batchAnswer) = BatchSendMsgV3(body, tokenUser!, operationId);
                await WriteAsync(context, batchStatus, batchAnswer);
                break;
            default:
                await NotFoundAsync(context);
                break;
        }
    }

    private bool IsWhitelisted(string path) =>
        path.StartsWith("/auth/parse_token", StringComparison.Ordinal)
        || (Generation == OpenImServerGeneration.V3
            ? path.StartsWith(OpenImRoutes.GetAdminToken, StringComparison.Ordinal)
            : path.StartsWith(OpenImRoutes.UserToken, StringComparison.Ordinal));

    private (int Code, string Name, string? UserId) CheckTokenV3(string token)
    {
        var (result, userId) = JwtTokens.Parse(token, Secret, Now);
        switch (result)
        {
            case TokenParse.Malformed:
                return (1503, "TokenMalformedError", null);
            case TokenParse.BadSignature:
                return (1505, "signature is invalid", null);
            case TokenParse.Expired:
                return (1501, "TokenExpiredError", null);
            case TokenParse.NotValidYet:
                return (1504, "TokenNotValidYetError", null);
        }

        var record = FindToken(token);
        if (record is { ForcedExpired: true })
        {
            return (1501, "TokenExpiredError", null);
        }

        if (record is { Kicked: true })
        {
            return (1506, "TokenKickedError", null);
        }

        // v3.8.1–v3.8.3 accept any validly signed admin JWT without a cache lookup; other tokens (and main's admin tokens) must be cached.
        var stateful = Generation == OpenImServerGeneration.V3UserToken || Options.EvictOlderAdminTokens || userId is null || !IsAdmin(userId);
        if ((record is null && stateful) || record is { Forgotten: true } || (record?.EvictAt is { } evictAt && evictAt <= Now))
        {
            return (1507, "TokenNotExistError", null);
        }

        return (0, string.Empty, userId);
    }

    private JsonObject GetAdminToken(string body)
    {
        var (request, error) = GoJsonBinder.Bind(body, "auth.GetAdminTokenReq", AdminTokenFields);
        if (request is null)
        {
            return Envelope(1001, "ArgsError", error!);
        }

        var userId = request.Str("userID");
        if (userId.Length == 0)
        {
            return Envelope(1001, "ArgsError", "userID is empty");
        }

        if (request.Str("secret") != Secret)
        {
            return Envelope(1002, "NoPermissionError", "secret invalid");
        }

        if (!IsAdmin(userId))
        {
            return Envelope(1001, "ArgsError", $"userID is error.: {userId}");
        }

        var (token, _) = Issue(userId, 10);
        return Envelope(0, string.Empty, string.Empty, new JsonObject { ["token"] = token, ["expireTimeSeconds"] = (long)TokenLifetime.TotalSeconds });
    }

    private JsonObject UserTokenV3(string body)
    {
        var (request, error) = GoJsonBinder.Bind(body, "auth.UserTokenReq", UserTokenFields);
        if (request is null)
        {
            return Envelope(1001, "ArgsError", error!);
        }

        if (request.Str("secret") != Secret)
        {
            return Envelope(1002, "NoPermissionError", "secret invalid");
        }

        var userId = request.Str("userID");
        if (userId.Length == 0)
        {
            return Envelope(1001, "ArgsError", "userID is empty");
        }

        var (token, _) = Issue(userId, (int)request.Int("platformID"));
        return Envelope(0, string.Empty, string.Empty, new JsonObject { ["token"] = token, ["expireTimeSeconds"] = (long)TokenLifetime.TotalSeconds });
    }

    private (int Status, JsonObject Body) SendMsgV3(string body, string tokenUser, string operationId)
    {
        var (request, error) = GoJsonBinder.Bind(body, SendMsgStruct, SendMsgFields);
        if (request is null)
        {
            return (400, Envelope(1001, "ArgsError", error!));
        }

        if (!IsAdmin(tokenUser))
        {
            return (200, Envelope(1002, "NoPermissionError", "only app manager can send message"));
        }

        var (prepared, failure) = PrepareV3(request, operationId);
        if (failure is not null)
        {
            return (200, failure);
        }

        var (message, refusal) = DeliverV3(prepared!, request.Str("recvID"), clientMsgId: NewMsgId());
        return refusal is not null
            ? (200, refusal)
            : (200, Envelope(0, string.Empty, string.Empty, new JsonObject
            {
                ["serverMsgID"] = message!.ServerMsgId,
                ["clientMsgID"] = message.ClientMsgId,
                ["sendTime"] = message.SendTime,
            }));
    }

    private (int Status, JsonObject Body) BatchSendMsgV3(string body, string tokenUser, string operationId)
    {
        var (request, error) = GoJsonBinder.Bind(body, BatchStruct, BatchFields);
        if (request is null)
        {
            return (400, Envelope(1001, "ArgsError", error!));
        }

        if (!IsAdmin(tokenUser))
        {
            return (200, Envelope(1002, "NoPermissionError", "only app manager can send message"));
        }

        IReadOnlyList<string> recipients = request.Bool("isSendAll")
            ? [.. Options.Users ?? new HashSet<string>()]
            : request.Strings("recvIDs")!;
        var (prepared, failure) = PrepareV3(request, operationId);
        if (failure is not null)
        {
            return (200, failure);
        }

        // All recipients of one call share one clientMsgID; each gets its own serverMsgID. Failures carry no reason.
        var clientMsgId = NewMsgId();
        JsonArray? results = null;
        JsonArray? failed = null;
        foreach (var recipient in recipients)
        {
            var (message, refusal) = DeliverV3(prepared!, recipient, clientMsgId);
            if (refusal is null)
            {
                (results ??= []).Add(new JsonObject
                {
                    ["serverMsgID"] = message!.ServerMsgId,
                    ["clientMsgID"] = message.ClientMsgId,
                    ["sendTime"] = message.SendTime,
                    ["recvID"] = recipient,
                });
            }
            else
            {
                (failed ??= []).Add(recipient);
            }
        }

        return (200, Envelope(0, string.Empty, string.Empty, new JsonObject { ["results"] = results, ["failedUserIDs"] = failed }));
    }

    /// <summary>The API side (<c>getSendMsgReq</c>): content type, notification sender, content decode and validation.</summary>
    private (PreparedMessage? Message, JsonObject? Failure) PrepareV3(BoundRequest request, string operationId)
    {
        var contentType = request.Int("contentType");
        var sessionType = request.Int("sessionType");
        var sendId = request.Str("sendID");
        var spec = ElementSpecs.V3(contentType);
        if (spec is null)
        {
            return (null, Envelope(1001, "ArgsError", string.Empty));
        }

        if (contentType == 1400)
        {
            sessionType = 4;
            if (!IsAdmin(sendId) && !Options.NotificationAccounts.Contains(sendId))
            {
                return (null, UserExists(sendId)
                    ? Envelope(1002, "NoPermissionError", "notification messages cannot be sent for this ID")
                    : Envelope(1101, "UserIDNotFoundError", sendId));
            }
        }

        var content = request.Map("content")!;
        var (decodeError, validationError) = WeakDecoder.Check(content, spec);
        if ((decodeError ?? validationError) is { } problem)
        {
            // Neither error is a coded error, so the API answers ServerInternalError (reference §4.2 step 5).
            return (null, Envelope(500, "ServerInternalError", problem));
        }

        var stored = contentType == 1400
            ? new JsonObject { ["detail"] = GoMarshal(content) }.ToJsonString(Relaxed)
            : GoMarshal(content);
        return (new PreparedMessage(request, (int)contentType, (int)sessionType, stored, operationId), null);
    }

    /// <summary>The msg RPC: <c>MsgData.Check</c>, the sessionType switch and its per-recipient checks.</summary>
    private (OpenImEmulatedMessage? Message, JsonObject? Refusal) DeliverV3(PreparedMessage prepared, string recvId, string clientMsgId)
    {
        var request = prepared.Request;
        var sendId = request.Str("sendID");
        if ((prepared.SessionType == 4) != (prepared.ContentType == 1400))
        {
            return (null, Envelope(1001, "ArgsError", "notification msg must have correct session type and content type"));
        }

        var groupId = request.Str("groupID");
        switch (prepared.SessionType)
        {
            case 1:
                if (!IsAdmin(sendId))
                {
                    if (IsBlocked(recvId, sendId))
                    {
                        return (null, Envelope(1302, "BlockedByPeer", string.Empty));
                    }

                    if (Options.FriendVerification && !AreFriends(sendId, recvId))
                    {
                        return (null, Envelope(1303, "NotPeersFriend", string.Empty));
                    }
                }

                if (!UserExists(recvId))
                {
                    return (null, Envelope(1004, "RecordNotFoundError", "userID not found"));
                }

                if (Options.RefusingRecipients.Contains(recvId))
                {
                    return (null, Envelope(1001, "ArgsError", "message is not sent"));
                }

                break;
            case 3:
                if (Options.Groups is { } groups)
                {
                    if (!groups.TryGetValue(groupId, out var group))
                    {
                        return (null, Envelope(1004, "RecordNotFoundError", "group not found"));
                    }

                    if (group.Dismissed)
                    {
                        return (null, Envelope(1204, "DismissedAlreadyError", string.Empty));
                    }

                    if (!IsAdmin(sendId))
                    {
                        if (group.Members is { } members && !members.Contains(sendId))
                        {
                            return (null, Envelope(1203, "NotInGroupYetError", string.Empty));
                        }

                        if (group.MutedMembers.Contains(sendId))
                        {
                            return (null, Envelope(1402, "MutedInGroup", string.Empty));
                        }

                        if (group.Muted)
                        {
                            return (null, Envelope(1403, "MutedGroup", string.Empty));
                        }
                    }
                }

                break;
            case 4:
                break;
            default:
                return (null, Envelope(1001, "ArgsError", "unknown sessionType"));
        }

        var sendTime = request.Int("sendTime") is > 0 and var given ? given : Now.ToUnixTimeMilliseconds();
        var offlinePush = request.Map("offlinePushInfo");
        return (Store(new OpenImEmulatedMessage
        {
            ClientMsgId = clientMsgId,
            ServerMsgId = NewMsgId(),
            OperationId = prepared.OperationId,
            SendId = sendId,
            RecvId = prepared.SessionType is 1 or 4 ? recvId : null,
            GroupId = prepared.SessionType == 3 ? groupId : null,
            SessionType = prepared.SessionType,
            ContentType = prepared.ContentType,
            Content = prepared.StoredContent,
            SendTime = sendTime,
            SenderPlatformId = (int)request.Int("senderPlatformID"),
            SenderNickname = NullIfEmpty(request.Str("senderNickname")),
            SenderFaceUrl = NullIfEmpty(request.Str("senderFaceURL")),
            IsOnlineOnly = request.Bool("isOnlineOnly"),
            NotOfflinePush = request.Bool("notOfflinePush"),
            Extension = NullIfEmpty(request.Str("ex")),
            OfflinePushInfo = offlinePush?.ToJsonString(Relaxed),
        }), null);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private sealed record PreparedMessage(BoundRequest Request, int ContentType, int SessionType, string StoredContent, string OperationId);
}
