using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Reliability.FakeProvider;

/// <summary>
/// The fake provider (verb <c>fake-provider</c>): OpenIM v3 (<c>/auth/get_admin_token</c>, <c>/msg/send_msg</c>,
/// <c>/msg/batch_send_msg</c>) and Tencent (<c>/v4/openim/sendmsg</c>, with its 120 s dedup) on one loopback Kestrel
/// port, counting deliveries per messageId (OpenIM <c>ex</c>, Tencent <c>CloudCustomData</c>). <c>POST /_control</c>
/// switches the fault mode, <c>GET /_stats</c> returns the counts, <c>GET /_credentials</c> the admin tokens issued and
/// the UserSigs seen (for the secrets audit). Prints <c>fake-provider listening http://127.0.0.1:PORT</c>.
/// </summary>
internal static class FakeProviderServer
{
    public const string ListeningPrefix = "fake-provider listening ";

    /// <summary>A hanging request is ended after this long even if the client never gives up (bounded, like every wait here).</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(5);

    public static readonly JsonSerializerOptions StatsJson = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        var state = new FakeProviderState(TimeProvider.System);
        app.Run(context => HandleAsync(context, state));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine(ListeningPrefix + address);
        Console.Out.Flush();
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static async Task HandleAsync(HttpContext context, FakeProviderState state)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var post = HttpMethods.IsPost(context.Request.Method);
        switch (path)
        {
            case "/_stats" when HttpMethods.IsGet(context.Request.Method):
                await WriteAsync(context, 200, state.Snapshot(), StatsJson);
                return;
            case "/_credentials" when HttpMethods.IsGet(context.Request.Method):
                await WriteAsync(context, 200, state.Credentials(), StatsJson);
                return;
            case "/_control" when post:
                var control = await JsonSerializer.DeserializeAsync<ControlRequest>(context.Request.Body, StatsJson, context.RequestAborted) ?? new ControlRequest();
                if (control.Mode is { } name && !FaultModes.TryParse(name, out _))
                {
                    await WriteAsync(context, 400, new { error = "unknown mode " + name }, StatsJson);
                    return;
                }

                state.Apply(control);
                await WriteAsync(context, 200, new { mode = FaultModes.Name(state.Mode), atUnixMs = state.NowUnixMs }, StatsJson);
                return;
            case "/auth/get_admin_token" or "/msg/send_msg" or "/msg/batch_send_msg" or "/v4/openim/sendmsg" when post:
                break;
            default:
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("404 page not found", context.RequestAborted);
                return;
        }

        var tencent = path.StartsWith("/v4/", StringComparison.Ordinal);
        var mode = state.Mode;
        state.CountRequest(faulted: mode is FaultMode.Http503 or FaultMode.ErrCode500 or FaultMode.Hang or FaultMode.Reset);
        switch (mode)
        {
            case FaultMode.Http503:
                context.Response.StatusCode = 503;
                await context.Response.WriteAsync("503 Service Temporarily Unavailable", context.RequestAborted);
                return;
            case FaultMode.ErrCode500 when tencent:
                await WriteAsync(context, 200, new { ActionStatus = "FAIL", ErrorCode = 70500, ErrorInfo = "internal error" });
                return;
            case FaultMode.ErrCode500:
                await WriteAsync(context, 200, new { errCode = 500, errMsg = "ServerInternalError", errDlt = "rpc down" });
                return;
            case FaultMode.Reset:
                context.Abort();
                return;
            case FaultMode.Hang:
                try
                {
                    await Task.Delay(HangLimit, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                context.Response.StatusCode = 503;
                return;
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException exception)
        {
            await (tencent
                ? WriteAsync(context, 200, new { ActionStatus = "FAIL", ErrorCode = 90001, ErrorInfo = "json parse error: " + exception.Message })
                : WriteAsync(context, 400, new { errCode = 1001, errMsg = "ArgsError", errDlt = exception.Message }));
            return;
        }

        using (body)
        {
            await (path switch
            {
                "/auth/get_admin_token" => AdminTokenAsync(context, state, body.RootElement),
                "/msg/send_msg" => OpenImSendAsync(context, state, body.RootElement, batch: false),
                "/msg/batch_send_msg" => OpenImSendAsync(context, state, body.RootElement, batch: true),
                _ => TencentSendAsync(context, state, body.RootElement),
            });
        }
    }

    private static async Task AdminTokenAsync(HttpContext context, FakeProviderState state, JsonElement request)
    {
        if (string.IsNullOrEmpty(context.Request.Headers["operationID"]))
        {
            await OpenImErrorAsync(context, 1001, "ArgsError", "header must have operationID");
            return;
        }

        if (Text(request, "secret") != "openIM123")
        {
            await OpenImErrorAsync(context, 1002, "NoPermissionError", "secret invalid");
            return;
        }

        if (Text(request, "userID") != "imAdmin")
        {
            await OpenImErrorAsync(context, 1001, "ArgsError", "userID is error.");
            return;
        }

        var token = state.IssueToken();
        await LateAsync(context, state);
        await WriteAsync(context, 200, new { errCode = 0, errMsg = string.Empty, errDlt = string.Empty, data = new { token, expireTimeSeconds = 7_776_000 } });
    }

    private static async Task OpenImSendAsync(HttpContext context, FakeProviderState state, JsonElement request, bool batch)
    {
        var operationId = context.Request.Headers["operationID"].ToString();
        var token = context.Request.Headers["token"].ToString();
        if (operationId.Length == 0 || token.Length == 0)
        {
            await OpenImErrorAsync(context, 1001, "ArgsError", operationId.Length == 0 ? "header must have operationID" : "header must have token");
            return;
        }

        var tokenError = state.CheckToken(token);
        if (tokenError != 0)
        {
            await OpenImErrorAsync(context, tokenError, tokenError == 1501 ? "TokenExpiredError" : "TokenNotExistError", string.Empty);
            return;
        }

        string[] recipients = batch
            ? request.TryGetProperty("recvIDs", out var ids) && ids.ValueKind == JsonValueKind.Array ? [.. ids.EnumerateArray().Select(i => i.GetString() ?? string.Empty)] : []
            : [Text(request, "recvID") ?? string.Empty];
        if (string.IsNullOrEmpty(Text(request, "sendID"))
            || !request.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object
            || (!batch && recipients[0].Length == 0 && string.IsNullOrEmpty(Text(request, "groupID"))))
        {
            await WriteAsync(context, 400, new { errCode = 1001, errMsg = "ArgsError", errDlt = "Key: 'SendMsgReq' Error:Field validation failed on the 'required' tag" });
            return;
        }

        var messageId = Text(request, "ex") is { Length: > 0 } ex ? ex : "(no ex)";
        foreach (var _ in recipients)
        {
            state.RecordDelivery(messageId, operationId);
        }

        await LateAsync(context, state);
        var sendTime = state.NowUnixMs;
        if (batch)
        {
            var clientMsgId = NewId();
            var results = recipients.Select(r => new { serverMsgID = NewId(), clientMsgID = clientMsgId, sendTime, recvID = r }).ToArray();
            await WriteAsync(context, 200, new { errCode = 0, errMsg = string.Empty, errDlt = string.Empty, data = new { results, failedUserIDs = Array.Empty<string>() } });
            return;
        }

        await WriteAsync(context, 200, new { errCode = 0, errMsg = string.Empty, errDlt = string.Empty, data = new { serverMsgID = NewId(), clientMsgID = NewId(), sendTime } });
    }

    private static async Task TencentSendAsync(HttpContext context, FakeProviderState state, JsonElement request)
    {
        var query = context.Request.Query;
        var userSig = query["usersig"].ToString();
        if (userSig.Length == 0)
        {
            await TencentErrorAsync(context, 70002, "UserSig empty");
            return;
        }

        state.SawUserSig(userSig);

        if (!UserSigReader.TryReadTime(userSig, out var signedAt))
        {
            await TencentErrorAsync(context, 70003, "UserSig check failed");
            return;
        }

        if (state.UserSigRejected(signedAt))
        {
            await TencentErrorAsync(context, 70001, "UserSig expired");
            return;
        }

        if (string.IsNullOrEmpty(Text(request, "To_Account")))
        {
            await TencentErrorAsync(context, 90003, "To_Account missing or invalid");
            return;
        }

        if (!request.TryGetProperty("MsgRandom", out var random) || random.ValueKind != JsonValueKind.Number)
        {
            await TencentErrorAsync(context, 90005, "MsgRandom missing or not an integer");
            return;
        }

        if (!request.TryGetProperty("MsgBody", out var msgBody) || msgBody.ValueKind != JsonValueKind.Array)
        {
            await TencentErrorAsync(context, 90002, "MsgBody not per spec");
            return;
        }

        // Tencent's key: sender, MsgSeq, MsgRandom and a checksum of the content, for 120 s (tencent-im-api.md §7).
        var seq = request.TryGetProperty("MsgSeq", out var msgSeq) ? msgSeq.GetRawText() : "(random)";
        if (seq == "(random)")
        {
            seq = NewId();
        }

        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(msgBody.GetRawText())));
        var key = string.Join('|', Text(request, "From_Account") ?? string.Empty, seq, random.GetRawText(), digest);
        var messageId = Text(request, "CloudCustomData") is { Length: > 0 } data ? data : "(no CloudCustomData)";
        var (msgKey, msgTime) = state.TencentSend(key, messageId, query["random"].ToString());
        await LateAsync(context, state);
        await WriteAsync(context, 200, new { ActionStatus = "OK", ErrorCode = 0, ErrorInfo = string.Empty, MsgTime = msgTime, MsgKey = msgKey });
    }

    private static async Task LateAsync(HttpContext context, FakeProviderState state)
    {
        if (state.Mode != FaultMode.Late)
        {
            return;
        }

        try
        {
            await Task.Delay(state.LateDelay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up first (its attempt timeout); the send was accepted all the same.
        }
    }

    private static Task OpenImErrorAsync(HttpContext context, int code, string message, string detail) =>
        WriteAsync(context, 200, new { errCode = code, errMsg = message, errDlt = detail });

    private static Task TencentErrorAsync(HttpContext context, int code, string info) =>
        WriteAsync(context, 200, new { ActionStatus = "FAIL", ErrorCode = code, ErrorInfo = info });

    private static async Task WriteAsync<T>(HttpContext context, int status, T value, JsonSerializerOptions? options = null)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        try
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, value, options, context.RequestAborted);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client is gone (late answers): nothing to answer to.
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
