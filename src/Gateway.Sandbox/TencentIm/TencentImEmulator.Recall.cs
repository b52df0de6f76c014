using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Gateway.Sandbox.TencentIm;

/// <content>The recall APIs: admin_msgwithdraw and group_msg_recall.</content>
public sealed partial class TencentImEmulator
{
    private const int MaxRecallSeqs = 10;

    private JsonObject AdminMsgWithdraw(JsonElement request)
    {
        if (!request.TryGetProperty("From_Account", out var from) || from.ValueKind != JsonValueKind.String || !AccountExists(from.GetString()!))
        {
            return Fail(TencentImErrorCodes.FromAccountInvalid, "From_Account is missing or does not exist");
        }

        if (!request.TryGetProperty("To_Account", out var to) || to.ValueKind != JsonValueKind.String || to.GetString()!.Length == 0)
        {
            return Fail(TencentImErrorCodes.ToAccountInvalid, "To_Account is missing or invalid");
        }

        if (!request.TryGetProperty("MsgKey", out var key) || key.ValueKind != JsonValueKind.String || !MsgKeyPattern().IsMatch(key.GetString()!))
        {
            return Fail(TencentImErrorCodes.MsgKeyInvalid, "MsgKey is invalid");
        }

        var message = _messages.FirstOrDefault(m =>
            m.MsgKey == key.GetString() && m.From == from.GetString() && m.To == to.GetString());
        if (message is null)
        {
            return Fail(TencentImErrorCodes.RecallNotFound, "message to recall not found");
        }

        if (message.Recalled)
        {
            return Fail(TencentImErrorCodes.AlreadyRecalled, "message already recalled");
        }

        message.Recalled = true;
        return Ok();
    }

    private JsonObject GroupMsgRecall(JsonElement request)
    {
        if (!request.TryGetProperty("GroupId", out var group) || group.ValueKind != JsonValueKind.String || group.GetString()!.Length == 0)
        {
            return Fail(TencentImErrorCodes.GroupBadParameters, "GroupId is missing or not a string");
        }

        if (!request.TryGetProperty("MsgSeqList", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > MaxRecallSeqs)
        {
            return Fail(TencentImErrorCodes.GroupBadParameters, $"MsgSeqList must list 1 to {MaxRecallSeqs} items");
        }

        var seqs = new List<ulong>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("MsgSeq", out var seq) || seq.ValueKind != JsonValueKind.Number || !seq.TryGetUInt64(out var value))
            {
                return Fail(TencentImErrorCodes.GroupBadParameters, "MsgSeqList items must be {\"MsgSeq\": <unsigned integer>}");
            }

            seqs.Add(value);
        }

        var groupId = group.GetString()!;
        if (!GroupExists(groupId))
        {
            return Fail(TencentImErrorCodes.GroupNotFound, $"group '{groupId}' does not exist");
        }

        var results = new JsonArray();
        foreach (var seq in seqs)
        {
            var message = _messages.FirstOrDefault(m => m.GroupId == groupId && m.MsgSeq == seq);
            var code = message is null ? TencentImErrorCodes.GroupRecallNotFound
                : message.Recalled ? TencentImErrorCodes.AlreadyRecalled
                : 0;
            if (message is not null)
            {
                message.Recalled = true;
            }

            results.Add(new JsonObject { ["MsgSeq"] = seq, ["RetCode"] = code });
        }

        var answer = Ok();
        answer["RecallRetList"] = results;
        return answer;
    }

    [GeneratedRegex("^[0-9]+_[0-9]+_[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex MsgKeyPattern();
}
