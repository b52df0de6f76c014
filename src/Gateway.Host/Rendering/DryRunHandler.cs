using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Host.Rendering;

/// <summary>
/// The primary HTTP handler of <c>render</c>: records every request the adapters make and answers it with the
/// provider's success shape, so the adapters run their real code path and nothing leaves the process.
/// </summary>
internal sealed class DryRunHandler(ConcurrentQueue<CapturedRequest> captured, TimeProvider timeProvider) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken));
        var headers = request.Headers
            .Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Select(h => KeyValuePair.Create(h.Key, string.Join(", ", h.Value)))
            .ToList();
        captured.Enqueue(new CapturedRequest(request.Method.Method, request.RequestUri!, headers, body));

        var answer = Answer(request.RequestUri!.AbsolutePath, body);
        return new HttpResponseMessage(answer is null ? HttpStatusCode.NotFound : HttpStatusCode.OK)
        {
            Content = new StringContent(answer ?? "404 page not found", Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }

    private string? Answer(string path, string body)
    {
        var now = timeProvider.GetUtcNow();
        var seconds = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var milliseconds = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return path switch
        {
            _ when path.EndsWith("/auth/get_admin_token", StringComparison.Ordinal) || path.EndsWith("/auth/user_token", StringComparison.Ordinal) =>
                // One body for every OpenIM generation: v3 reads the duration, v2 the absolute expiry.
                $$$"""{"errCode":0,"errMsg":"","errDlt":"","data":{"userID":"dry-run","token":"dry-run-token","expireTimeSeconds":7776000,"expiredTime":{{{now.AddDays(90).ToUnixTimeSeconds()}}}}}""",
            _ when path.EndsWith("/msg/send_msg", StringComparison.Ordinal) || path.EndsWith("/manager/send_msg", StringComparison.Ordinal) =>
                $$$"""{"errCode":0,"errMsg":"","errDlt":"","data":{"serverMsgID":"dry-run-server-msg-id","clientMsgID":"dry-run-client-msg-id","sendTime":{{{milliseconds}}}}}""",
            _ when path.EndsWith("/msg/batch_send_msg", StringComparison.Ordinal) => BatchAnswer(body, milliseconds),
            _ when path.EndsWith("/v4/openim/sendmsg", StringComparison.Ordinal) =>
                $$"""{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MsgTime":{{seconds}},"MsgKey":"dry-run-msg-key"}""",
            _ when path.EndsWith("/v4/openim/batchsendmsg", StringComparison.Ordinal) =>
                """{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MsgKey":"dry-run-msg-key"}""",
            _ when path.EndsWith("/v4/group_open_http_svc/send_group_msg", StringComparison.Ordinal) =>
                $$"""{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MsgTime":{{seconds}},"MsgSeq":1}""",
            _ when path.EndsWith("/v4/group_open_http_svc/group_msg_recall", StringComparison.Ordinal) => RecallAnswer(body),
            _ when path.StartsWith("/v4/", StringComparison.Ordinal) || path.Contains("/v4/", StringComparison.Ordinal) =>
                """{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}""",
            _ => null,
        };
    }

    private static string BatchAnswer(string body, string milliseconds)
    {
        var results = new JsonArray();
        foreach (var id in ParseArray(body, "recvIDs"))
        {
            results.Add(new JsonObject
            {
                ["serverMsgID"] = "dry-run-server-msg-id",
                ["clientMsgID"] = "dry-run-client-msg-id",
                ["sendTime"] = long.Parse(milliseconds, CultureInfo.InvariantCulture),
                ["recvID"] = id,
            });
        }

        return new JsonObject
        {
            ["errCode"] = 0,
            ["errMsg"] = string.Empty,
            ["errDlt"] = string.Empty,
            ["data"] = new JsonObject { ["results"] = results, ["failedUserIDs"] = new JsonArray() },
        }.ToJsonString();
    }

    private static string RecallAnswer(string body)
    {
        var items = new JsonArray();
        foreach (var item in ParseArray(body, "MsgSeqList"))
        {
            items.Add(new JsonObject { ["MsgSeq"] = JsonNode.Parse(item), ["RetCode"] = 0 });
        }

        return new JsonObject { ["ActionStatus"] = "OK", ["ErrorCode"] = 0, ["ErrorInfo"] = string.Empty, ["RecallRetList"] = items }.ToJsonString();
    }

    private static string[] ParseArray(string body, string property)
    {
        try
        {
            if (JsonNode.Parse(body)?[property] is JsonArray array)
            {
                return array.Select(node => node is JsonObject item && item["MsgSeq"] is { } seq ? seq.ToJsonString() : node?.GetValue<string>() ?? string.Empty).ToArray();
            }
        }
        catch (JsonException)
        {
        }

        return [];
    }
}
