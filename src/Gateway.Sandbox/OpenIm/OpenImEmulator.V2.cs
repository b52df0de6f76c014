using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Sandbox.OpenIm.Internal;
using Microsoft.AspNetCore.Http;

namespace Gateway.Sandbox.OpenIm;

/// <summary>The v2.0.8 API (reference §7): <c>/auth/user_token</c> and <c>/manager/send_msg</c> on one port.</summary>
public sealed partial class OpenImEmulator
{
    private static readonly BindField[] V2UserTokenFields =
    [
        new("secret", "UserTokenReq.Secret", GoKind.String, BindRule.Required, BindRule.MaxLength(32)),
        new("platform", "UserTokenReq.Platform", GoKind.Int32, BindRule.Required, BindRule.Range("min", 1, long.MaxValue), BindRule.Range("max", long.MinValue, 8)),
        new("userID", "UserTokenReq.UserID", GoKind.String, BindRule.Required, BindRule.MinLength(1), BindRule.MaxLength(64)),
        new("operationID", "UserTokenReq.OperationID", GoKind.String, BindRule.Required),
    ];

    private static readonly BindField[] V2SendFields =
    [
        new("operationID", "ManagementSendMsgReq.OperationID", GoKind.String, BindRule.Required),
        new("sendID", "ManagementSendMsgReq.SendID", GoKind.String, BindRule.Required),
        new("recvID", "ManagementSendMsgReq.RecvID", GoKind.String),
        new("groupID", "ManagementSendMsgReq.GroupID", GoKind.String),
        new("senderNickname", "ManagementSendMsgReq.SenderNickname", GoKind.String),
        new("senderFaceURL", "ManagementSendMsgReq.SenderFaceURL", GoKind.String),
        new("senderPlatformID", "ManagementSendMsgReq.SenderPlatformID", GoKind.Int32),
        new("forceList", "ManagementSendMsgReq.ForceList", GoKind.StringSlice),
        new("content", "ManagementSendMsgReq.Content", GoKind.Map, BindRule.Required),
        new("contentType", "ManagementSendMsgReq.ContentType", GoKind.Int32, BindRule.Required),
        new("sessionType", "ManagementSendMsgReq.SessionType", GoKind.Int32, BindRule.Required),
        new("isOnlineOnly", "ManagementSendMsgReq.IsOnlineOnly", GoKind.Bool),
        new("offlinePushInfo", "ManagementSendMsgReq.OfflinePushInfo", GoKind.Map) { Nested = OfflinePushInfoFields },
    ];

    private static JsonObject V2Error(int errCode, string errMsg, bool withSendFields = false)
    {
        var body = new JsonObject { ["errCode"] = errCode, ["errMsg"] = errMsg };
        if (withSendFields)
        {
            body["sendTime"] = 0;
            body["MsgID"] = string.Empty;
        }

        return body;
    }

    private async Task HandleV2Async(HttpContext context, string body)
    {
        var path = context.Request.Path.Value ?? "/";
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await NotFoundAsync(context);
            return;
        }

        switch (path)
        {
            case OpenImRoutes.UserToken:
                var (status, answer) = UserTokenV2(body);
                await WriteAsync(context, status, answer);
                break;
            case OpenImRoutes.ManagerSendMsg:
                var result = ManagerSendMsg(body, context.Request.Headers["token"].ToString());
                if (result.Panic)
                {
                    // gin's recovery: HTTP 500, no body.
                    context.Response.StatusCode = 500;
                    return;
                }

                await WriteAsync(context, result.Status, result.Body!);
                break;
            default:
                await NotFoundAsync(context);
                break;
        }
    }

    private (int Status, JsonObject Body) UserTokenV2(string body)
    {
        var (request, error) = GoJsonBinder.Bind(body, "UserTokenReq", V2UserTokenFields);
        if (request is null)
        {
            return (400, V2Error(400, error!));
        }

        if (request.Str("secret") != Secret)
        {
            return (400, V2Error(401, "not authorized"));
        }

        var userId = request.Str("userID");
        var (token, record) = Issue(userId, (int)request.Int("platform"));
        var expiredTime = (record.IssuedAt + TokenLifetime).ToUnixTimeSeconds();
        return (200, new JsonObject
        {
            ["errCode"] = 0,
            ["errMsg"] = string.Empty,
            ["data"] = new JsonObject { ["userID"] = userId, ["token"] = token, ["expiredTime"] = expiredTime },
        });
    }

    private (int Status, JsonObject? Body, bool Panic) ManagerSendMsg(string body, string token)
    {
        // 1. Bind (HTTP 400, errCode 400).
        var (request, error) = GoJsonBinder.Bind(body, "ManagementSendMsgReq", V2SendFields);
        if (request is null)
        {
            return (400, V2Error(400, error!), false);
        }

        // 2. contentType (400/404).
        var contentType = request.Int("contentType");
        var sessionType = request.Int("sessionType");
        var spec = ElementSpecs.V2(contentType);
        if (spec is null)
        {
            return (400, V2Error(404, "contentType err"), false);
        }

        if (contentType == 1400)
        {
            sessionType = 4;
        }

        // 3. Content decode (400/401), then validate (400/403).
        var content = request.Map("content")!;
        var (decodeError, validationError) = WeakDecoder.Check(content, spec);
        if (decodeError is not null)
        {
            return (400, V2Error(401, decodeError), false);
        }

        if (validationError is not null)
        {
            return (400, V2Error(403, validationError), false);
        }

        // 4. Token, 5. admin (both HTTP 400, errCode 400).
        var tokenUser = CheckTokenV2(token);
        if (tokenUser is null)
        {
            return (400, V2Error(400, "parse token failed", withSendFields: true), false);
        }

        if (!IsAdmin(tokenUser))
        {
            return (400, V2Error(400, "not authorized", withSendFields: true), false);
        }

        // 6. Session target (HTTP 400, errCode 405).
        var recvId = request.Str("recvID");
        var groupId = request.Str("groupID");
        if (sessionType == 1 && recvId.Length == 0)
        {
            return (400, V2Error(405, "recvID is a null string", withSendFields: true), false);
        }

        if (sessionType == 2 && groupId.Length == 0)
        {
            return (400, V2Error(405, "groupID is a null string", withSendFields: true), false);
        }

        // newUserSendMsgReq: 101 and 111 assert the raw map value is a Go string (exact key), or the handler panics.
        string stored;
        switch (contentType)
        {
            case 101 or 111:
                var key = contentType == 101 ? "text" : "revokeMsgClientID";
                // A Go map lookup is case-sensitive (the binder's JSON tree is not).
                var raw = content.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal)).Value;
                if (raw?.GetValueKind() != JsonValueKind.String)
                {
                    return (500, null, true);
                }

                stored = raw.GetValue<string>();
                break;
            case 104:
                stored = string.Empty; // v2.0.8 forgets video content (fixed in v2.0.10)
                break;
            case 1400:
                stored = new JsonObject { ["jsonDetail"] = GoMarshal(content) }.ToJsonString(Relaxed);
                break;
            default:
                stored = GoMarshal(content);
                break;
        }

        // 8. RPC logical errors come back with HTTP 200.
        var sendId = request.Str("sendID");
        switch (sessionType)
        {
            case 1:
                if (!IsAdmin(sendId) && IsBlocked(recvId, sendId))
                {
                    return (200, V2Error(600, "in black list"), false);
                }

                if (!IsAdmin(sendId) && Options.FriendVerification && !AreFriends(sendId, recvId))
                {
                    return (200, V2Error(601, "not friend"), false);
                }

                break;
            case 2 or 4:
                break;
            default:
                return (200, V2Error(203, "unkonwn sessionType"), false);
        }

        var offlinePush = request.Map("offlinePushInfo");
        var message = Store(new OpenImEmulatedMessage
        {
            ClientMsgId = NewMsgId(),
            ServerMsgId = NewMsgId(),
            OperationId = request.Str("operationID"),
            SendId = sendId,
            RecvId = sessionType is 1 or 4 ? recvId : null,
            GroupId = sessionType == 2 ? groupId : null,
            SessionType = (int)sessionType,
            ContentType = (int)contentType,
            Content = stored,
            SendTime = Now.ToUnixTimeMilliseconds(),
            SenderPlatformId = (int)request.Int("senderPlatformID"),
            SenderNickname = NullIfEmpty(request.Str("senderNickname")),
            SenderFaceUrl = NullIfEmpty(request.Str("senderFaceURL")),
            IsOnlineOnly = request.Bool("isOnlineOnly"),
            OfflinePushInfo = offlinePush?.ToJsonString(Relaxed),
        });
        return (200, new JsonObject
        {
            ["errCode"] = 0,
            ["errMsg"] = string.Empty,
            ["data"] = new JsonObject
            {
                ["serverMsgID"] = message.ServerMsgId,
                ["clientMsgID"] = message.ClientMsgId,
                ["sendTime"] = message.SendTime,
            },
        }, false);
    }

    /// <summary>v2 checks the JWT and its token-cache entry; every failure is the same "parse token failed".</summary>
    private string? CheckTokenV2(string token)
    {
        if (token.Length == 0)
        {
            return null;
        }

        var (result, userId) = JwtTokens.Parse(token, Secret, Now);
        var record = FindToken(token);
        return result == TokenParse.Valid && record is { ForcedExpired: false, Kicked: false, Forgotten: false } ? userId : null;
    }
}
