using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Sandbox.TencentIm;

/// <content>The send APIs: sendmsg, batchsendmsg and send_group_msg.</content>
public sealed partial class TencentImEmulator
{
    private static readonly HashSet<string> Priorities = new(StringComparer.Ordinal) { "High", "Normal", "Low", "Lowest" };

    private JsonObject SendMsg(JsonElement request, string text, string admin)
    {
        if (!request.TryGetProperty("To_Account", out var to) || to.ValueKind != JsonValueKind.String || to.GetString()!.Length == 0)
        {
            return Fail(TencentImErrorCodes.ToAccountInvalid, "To_Account is missing or not a non-empty string");
        }

        var error = ValidateC2c(request, allowTimeStamp: true, out var c2c);
        if (error is not null)
        {
            return error;
        }

        var recipient = to.GetString()!;
        if (!AccountExists(recipient))
        {
            return Fail(TencentImErrorCodes.ToAccountNotFound, $"To_Account '{recipient}' is not registered");
        }

        var from = c2c.From ?? admin;
        var key = (from, c2c.Seq, c2c.Random, c2c.Crc);
        if (_c2cDedup.TryGetValue(key, out var seen) && WithinWindow(seen.At, Options.C2cDedupWindow))
        {
            _duplicatesDropped++;
            return SendMsgAnswer(seen.MsgKey, seen.MsgTime, c2c);
        }

        var msgTime = c2c.TimeStamp ?? NowSeconds;
        var msgKey = NewMsgKey(c2c.Random, msgTime);
        _c2cDedup[key] = (NowTimestamp, msgKey, msgTime);
        _messages.Add(new TencentImStoredMessage
        {
            Api = "sendmsg",
            From = from,
            To = recipient,
            MsgKey = msgKey,
            MsgSeq = c2c.Seq,
            MsgTime = msgTime,
            Request = (JsonObject)JsonNode.Parse(text)!,
        });
        return SendMsgAnswer(msgKey, msgTime, c2c);
    }

    private JsonObject BatchSendMsg(JsonElement request, string text, string admin)
    {
        if (!request.TryGetProperty("To_Account", out var to) || to.ValueKind != JsonValueKind.Array || to.GetArrayLength() == 0
            || to.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String || t.GetString()!.Length == 0))
        {
            return Fail(TencentImErrorCodes.ToAccountInvalid, "To_Account must be a non-empty array of account strings");
        }

        if (to.GetArrayLength() > Options.MaxBatchRecipients)
        {
            return Fail(TencentImErrorCodes.TooManyRecipients, $"To_Account lists more than {Options.MaxBatchRecipients} accounts");
        }

        var error = ValidateC2c(request, allowTimeStamp: false, out var c2c);
        if (error is not null)
        {
            return error;
        }

        var recipients = to.EnumerateArray().Select(t => t.GetString()!).Distinct(StringComparer.Ordinal).ToList();
        if (Options.BatchRecipientsPerMinute > 0 && !_batchRecipients.TryAdd(Options.TimeProvider.GetUtcNow(), recipients.Count, Options.BatchRecipientsPerMinute))
        {
            _rateLimitRejections++;
            return Fail(TencentImErrorCodes.AppRateExceeded, $"batchsendmsg is limited to {Options.BatchRecipientsPerMinute} recipients per minute");
        }

        var from = c2c.From ?? admin;
        var key = (from, c2c.Seq, c2c.Random, c2c.Crc);
        if (_c2cDedup.TryGetValue(key, out var seen) && WithinWindow(seen.At, Options.C2cDedupWindow))
        {
            _duplicatesDropped++;
            var duplicate = Ok();
            duplicate["MsgKey"] = seen.MsgKey;
            duplicate["MsgId"] = MsgId(c2c.Seq, seen.MsgTime, c2c.Random);
            return duplicate;
        }

        var msgTime = NowSeconds;
        var msgKey = NewMsgKey(c2c.Random, msgTime);
        var failed = new JsonArray();
        var body = (JsonObject)JsonNode.Parse(text)!;
        foreach (var recipient in recipients)
        {
            if (!AccountExists(recipient))
            {
                failed.Add(new JsonObject { ["To_Account"] = recipient, ["ErrorCode"] = TencentImErrorCodes.AccountNotFound });
                continue;
            }

            _messages.Add(new TencentImStoredMessage
            {
                Api = "batchsendmsg",
                From = from,
                To = recipient,
                MsgKey = msgKey,
                MsgSeq = c2c.Seq,
                MsgTime = msgTime,
                Request = body,
            });
        }

        _c2cDedup[key] = (NowTimestamp, msgKey, msgTime);
        // ErrorCode is 0 when any recipient got it and non-zero only when all failed (reference §4.1); a partly failed
        // batch says FAIL in ActionStatus when FailPartialBatches is set, as Tencent's own sample answer does.
        var answer = failed.Count == recipients.Count
            ? Fail(TencentImErrorCodes.AccountNotFound, "no recipient exists")
            : failed.Count > 0 && Options.FailPartialBatches ? Fail(0, string.Empty)
            : Ok();
        if (failed.Count < recipients.Count)
        {
            answer["MsgKey"] = msgKey;
            answer["MsgId"] = MsgId(c2c.Seq, msgTime, c2c.Random);
        }

        if (failed.Count > 0 && !Options.OmitBatchErrorList)
        {
            answer["ErrorList"] = failed;
        }

        return answer;
    }

    private JsonObject SendGroupMsg(JsonElement request, string text, string admin)
    {
        if (!request.TryGetProperty("GroupId", out var groupElement) || groupElement.ValueKind != JsonValueKind.String || groupElement.GetString()!.Length == 0)
        {
            return Fail(TencentImErrorCodes.GroupBadParameters, "GroupId is missing or not a string");
        }

        if (!request.TryGetProperty("Random", out var randomElement) || randomElement.ValueKind != JsonValueKind.Number || !randomElement.TryGetUInt32(out var random))
        {
            return Fail(TencentImErrorCodes.GroupBadParameters, "Random is missing or not a uint32");
        }

        string? from = null;
        if (request.TryGetProperty("From_Account", out var fromElement))
        {
            if (fromElement.ValueKind != JsonValueKind.String)
            {
                return Fail(TencentImErrorCodes.AccountNotString, "From_Account must be a string");
            }

            from = fromElement.GetString()!;
            if (!AccountExists(from))
            {
                return Fail(TencentImErrorCodes.GroupAccountNotFound, $"From_Account '{from}' does not exist");
            }
        }

        if (request.TryGetProperty("MsgPriority", out var priority) && (priority.ValueKind != JsonValueKind.String || !Priorities.Contains(priority.GetString()!)))
        {
            return Fail(TencentImErrorCodes.GroupBadParameters, "MsgPriority must be High, Normal, Low or Lowest");
        }

        if (request.TryGetProperty("OnlineOnlyFlag", out var online) && !MsgBodyRules.IsInteger(online))
        {
            return Fail(TencentImErrorCodes.GroupBadParameters, "OnlineOnlyFlag must be an integer");
        }

        var atProblem = GroupAtInfoProblem(request);
        if (atProblem is not null)
        {
            return Fail(TencentImErrorCodes.GroupBadParameters, atProblem);
        }

        var bodyProblem = MsgBodyRules.Validate(request, Options.MaxMsgBodyBytes);
        if (bodyProblem is { } problem)
        {
            return Fail(problem.Code, problem.Info);
        }

        var groupId = groupElement.GetString()!;
        if (!GroupExists(groupId))
        {
            return Fail(TencentImErrorCodes.GroupNotFound, $"group '{groupId}' does not exist");
        }

        if (Options.GroupMessagesPerSecond > 0 && !TryCount(_groupRates, groupId, TimeSpan.FromSeconds(1), 1, Options.GroupMessagesPerSecond))
        {
            _rateLimitRejections++;
            return Fail(TencentImErrorCodes.GroupRateExceeded, $"group '{groupId}' is limited to {Options.GroupMessagesPerSecond} messages per second");
        }

        var key = (groupId, random, ContentCrc(request));
        if (_groupDedup.TryGetValue(key, out var seen) && WithinWindow(seen.At, Options.GroupDedupWindow))
        {
            _duplicatesDropped++;
            return GroupAnswer(seen.MsgSeq, seen.MsgTime);
        }

        var msgSeq = _groupSeq.TryGetValue(groupId, out var last) ? last + 1 : 1;
        _groupSeq[groupId] = msgSeq;
        var msgTime = NowSeconds;
        _groupDedup[key] = (NowTimestamp, msgSeq, msgTime);
        _messages.Add(new TencentImStoredMessage
        {
            Api = "send_group_msg",
            From = from ?? admin,
            GroupId = groupId,
            MsgSeq = msgSeq,
            MsgTime = msgTime,
            Request = (JsonObject)JsonNode.Parse(text)!,
        });
        return GroupAnswer(msgSeq, msgTime);
    }

    private static string? GroupAtInfoProblem(JsonElement request)
    {
        if (!request.TryGetProperty("GroupAtInfo", out var atInfo))
        {
            return null;
        }

        if (atInfo.ValueKind != JsonValueKind.Array)
        {
            return "GroupAtInfo must be an array";
        }

        foreach (var item in atInfo.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("GroupAtAllFlag", out var flag) || flag.ValueKind != JsonValueKind.Number || !flag.TryGetInt32(out var all) || all is < 0 or > 1)
            {
                return "GroupAtInfo items need GroupAtAllFlag 0 or 1";
            }

            if (all == 0 && (!item.TryGetProperty("GroupAt_Account", out var account) || account.ValueKind != JsonValueKind.String))
            {
                return "GroupAtInfo items with GroupAtAllFlag 0 need GroupAt_Account";
            }
        }

        return null;
    }

    private static JsonObject GroupAnswer(ulong msgSeq, long msgTime)
    {
        var answer = Ok();
        answer["MsgTime"] = msgTime;
        answer["MsgSeq"] = msgSeq;
        answer["MsgDropReason"] = string.Empty;
        return answer;
    }

    private static JsonObject SendMsgAnswer(string msgKey, long msgTime, C2cFields c2c)
    {
        var answer = Ok();
        answer["MsgTime"] = msgTime;
        answer["MsgKey"] = msgKey;
        answer["MsgId"] = MsgId(c2c.Seq, msgTime, c2c.Random);
        return answer;
    }

    private static string MsgId(uint seq, long time, uint random) => string.Create(CultureInfo.InvariantCulture, $"{seq}-{time}-{random}");

    private static uint ContentCrc(JsonElement request) => Crc32.Compute(Encoding.UTF8.GetBytes(request.GetProperty("MsgBody").GetRawText()));

    private string NewMsgKey(uint random, long msgTime) =>
        string.Create(CultureInfo.InvariantCulture, $"{++_msgKeyCounter}_{random}_{msgTime}");

    private JsonObject? ValidateC2c(JsonElement request, bool allowTimeStamp, out C2cFields fields)
    {
        fields = default;
        string? from = null;
        if (request.TryGetProperty("From_Account", out var fromElement))
        {
            if (fromElement.ValueKind != JsonValueKind.String)
            {
                return Fail(TencentImErrorCodes.AccountNotString, "From_Account must be a string");
            }

            from = fromElement.GetString()!;
            if (from.Length == 0 || !AccountExists(from))
            {
                return Fail(TencentImErrorCodes.FromAccountInvalid, $"From_Account '{from}' does not exist");
            }
        }

        if (!request.TryGetProperty("MsgRandom", out var randomElement) || randomElement.ValueKind != JsonValueKind.Number || !randomElement.TryGetUInt32(out var random))
        {
            return Fail(TencentImErrorCodes.MsgRandomInvalid, "MsgRandom is missing or not a uint32");
        }

        var seq = (uint)Random.Shared.NextInt64(0, 4_294_967_296);
        if (request.TryGetProperty("MsgSeq", out var seqElement) && (seqElement.ValueKind != JsonValueKind.Number || !seqElement.TryGetUInt32(out seq)))
        {
            return Fail(TencentImErrorCodes.MsgRandomInvalid, "MsgSeq must be a uint32");
        }

        long? timeStamp = null;
        if (allowTimeStamp && request.TryGetProperty("MsgTimeStamp", out var timeElement))
        {
            if (!MsgBodyRules.IsInteger(timeElement))
            {
                return Fail(TencentImErrorCodes.MsgTimeStampInvalid, "MsgTimeStamp must be an integer");
            }

            timeStamp = timeElement.GetInt64();
        }

        if (request.TryGetProperty("SyncOtherMachine", out var sync) && (!MsgBodyRules.IsInteger(sync) || sync.GetInt64() is not (1 or 2)))
        {
            return Fail(TencentImErrorCodes.SyncOtherMachineInvalid, "SyncOtherMachine must be the integer 1 or 2");
        }

        if (request.TryGetProperty("MsgLifeTime", out var lifetime))
        {
            if (!MsgBodyRules.IsInteger(lifetime))
            {
                return Fail(TencentImErrorCodes.MsgLifeTimeNotInteger, "MsgLifeTime must be an integer");
            }

            if (lifetime.GetInt64() is < 0 or > 604_800)
            {
                return Fail(TencentImErrorCodes.MsgLifeTimeOutOfRange, "MsgLifeTime must be between 0 and 604800 seconds (7 days)");
            }
        }

        var bodyProblem = MsgBodyRules.Validate(request, Options.MaxMsgBodyBytes);
        if (bodyProblem is { } problem)
        {
            return Fail(problem.Code, problem.Info);
        }

        fields = new C2cFields(from, seq, random, timeStamp, ContentCrc(request));
        return null;
    }

    private readonly record struct C2cFields(string? From, uint Seq, uint Random, long? TimeStamp, uint Crc);
}
