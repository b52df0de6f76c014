using System.Text.Json;
using Gateway.Sandbox.Hosting;

namespace Gateway.EndToEnd.Provider;

/// <summary>
/// Reads the Tencent emulator's request journal (<see cref="SandboxServer.Requests"/>): every request to one API path
/// with what the emulator answered (its quota refusals and other errors; the accepted messages per window come from
/// the emulator's own record of them, <c>TencentImEmulator.Messages</c>).
/// </summary>
internal static class TencentJournal
{
    /// <summary>Reads the calls to one API path, in arrival order.</summary>
    /// <param name="requests">The journal snapshot.</param>
    /// <param name="path">The API path, for example <c>/v4/openim/sendmsg</c>.</param>
    /// <returns>The calls.</returns>
    public static List<TencentCall> Read(IReadOnlyList<RecordedRequest> requests, string path)
    {
        var calls = new List<TencentCall>(requests.Count);
        foreach (var request in requests)
        {
            if (string.Equals(request.Path, path, StringComparison.Ordinal))
            {
                calls.Add(Read(request));
            }
        }

        return calls;
    }

    /// <summary>Counts the distinct commands with an accepted call.</summary>
    /// <param name="calls">The calls.</param>
    /// <param name="prefix">The run's message-id prefix.</param>
    /// <returns>The count.</returns>
    public static int AcceptedCommands(IEnumerable<TencentCall> calls, string prefix) =>
        calls.Where(c => c.Accepted && c.MessageId is { } id && id.StartsWith(prefix, StringComparison.Ordinal)).Select(c => c.MessageId).Distinct(StringComparer.Ordinal).Count();

    private static TencentCall Read(RecordedRequest request)
    {
        string? messageId = null;
        var recipients = 1;
        try
        {
            using var body = JsonDocument.Parse(request.Body);
            if (body.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (body.RootElement.TryGetProperty("CloudCustomData", out var data) && data.ValueKind == JsonValueKind.String)
                {
                    messageId = data.GetString();
                }

                if (body.RootElement.TryGetProperty("To_Account", out var to) && to.ValueKind == JsonValueKind.Array)
                {
                    recipients = to.GetArrayLength();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: counted as a call without an id.
        }

        int? errorCode = null;
        var failed = 0;
        if (request.ResponseBody is { Length: > 0 } answerText)
        {
            try
            {
                using var answer = JsonDocument.Parse(answerText);
                var root = answer.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    if (root.TryGetProperty("ErrorCode", out var code) && code.TryGetInt32(out var value))
                    {
                        errorCode = value;
                    }

                    if (root.TryGetProperty("ErrorList", out var errors) && errors.ValueKind == JsonValueKind.Array)
                    {
                        failed = errors.GetArrayLength();
                    }
                }
            }
            catch (JsonException)
            {
                // Not a Tencent envelope: only the status counts.
            }
        }

        return new TencentCall(request.ResponseStatus, errorCode, messageId, recipients, failed);
    }
}
