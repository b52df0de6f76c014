using System.Globalization;
using System.Text.Json;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.TencentIm.Dtos;
using Gateway.TencentIm.Errors;
using Gateway.TencentIm.Http;
using Gateway.TencentIm.Internal;
using Gateway.TencentIm.Mapping;
using Gateway.TencentIm.Serialization;

namespace Gateway.TencentIm;

/// <summary>
/// One Tencent Cloud IM app: one recipient → sendmsg, several → batchsendmsg in chunks of <c>BatchSize</c>, a group →
/// send_group_msg; recall through admin_msgwithdraw and group_msg_recall.
/// </summary>
internal sealed class TencentImMessageProvider : IMessageProvider, ICircuitStateSource
{
    private static readonly IReadOnlySet<ContentType> Contents = new HashSet<ContentType>(Enum.GetValues<ContentType>().Where(t => t != ContentType.Notification));

    private readonly TencentImInstance _instance;
    private readonly IHttpClientFactory _httpClientFactory;

    private const OptionalFields OneToOneFields = OptionalFields.OnlineOnly | OptionalFields.LifetimeSeconds | OptionalFields.SyncToSender
        | OptionalFields.OfflinePush | OptionalFields.OfflinePushDisabled | OptionalFields.OfflinePushIosSound
        | OptionalFields.OfflinePushIosBadge | OptionalFields.OfflinePushAndroidSound | OptionalFields.SendTime
        | OptionalFields.Extension | OptionalFields.Priority | OptionalFields.CustomSound;

    public TencentImMessageProvider(TencentImInstance instance, IHttpClientFactory httpClientFactory)
    {
        _instance = instance;
        _httpClientFactory = httpClientFactory;
        Capabilities = new ProviderCapabilities
        {
            ContentTypes = Contents,
            RecipientKinds = RecipientKinds.Users | RecipientKinds.Group,
            MaxRecipientsPerCall = instance.Options.BatchSize,
            MaxBodyBytes = instance.Options.MaxBodyBytes,
            MaxIdBytes = 32,
            SupportedFields = OneToOneFields,

            // batchsendmsg has no MsgTimeStamp; send_group_msg has no MsgLifeTime, SyncOtherMachine or MsgTimeStamp.
            SupportedFieldsForSeveralUsers = OneToOneFields & ~OptionalFields.SendTime,
            SupportedFieldsForGroups = OneToOneFields & ~(OptionalFields.LifetimeSeconds | OptionalFields.SyncToSender | OptionalFields.SendTime),
            Revoke = RecipientKinds.Users | RecipientKinds.Group,
        };
    }

    public string Name => _instance.Name;

    public string ProviderType => TencentImOptions.ProviderType;

    public ProviderCapabilities Capabilities { get; }

    public ProviderCircuitState CircuitState => _instance.CircuitState.CircuitState switch
    {
        Polly.CircuitBreaker.CircuitState.Open => ProviderCircuitState.Open,
        Polly.CircuitBreaker.CircuitState.HalfOpen => ProviderCircuitState.HalfOpen,
        Polly.CircuitBreaker.CircuitState.Isolated => ProviderCircuitState.Isolated,
        _ => ProviderCircuitState.Closed,
    };

    public async Task<ProviderSendResult> SendAsync(SendMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = CheckAndMap(message);
        var client = CreateClient();
        if (message.GroupId is not null)
        {
            return await SendGroupAsync(client, message, body, cancellationToken).ConfigureAwait(false);
        }

        var recipients = message.To ?? [];
        return recipients.Count == 1
            ? await SendOneAsync(client, message, recipients[0], body, cancellationToken).ConfigureAwait(false)
            : await SendBatchAsync(client, message, recipients, body, cancellationToken).ConfigureAwait(false);
    }

    public async Task RevokeAsync(RevokeMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = CreateClient();
        if (request.Target.GroupId is { } groupId)
        {
            if (!ulong.TryParse(request.ProviderMessageKey, NumberStyles.None, CultureInfo.InvariantCulture, out var msgSeq))
            {
                throw Invalid("providerMessageKey", "must be the group MsgSeq (decimal digits) that the group send returned");
            }

            var recall = await client.GroupMsgRecallAsync(
                new GroupMsgRecallRequest { GroupId = groupId, MsgSeqList = [new GroupMsgSeq { MsgSeq = msgSeq }] },
                cancellationToken).ConfigureAwait(false);
            if (!recall.Succeeded && !IsAlreadyRecalled(recall.Response.ErrorCode))
            {
                throw client.Failure(TencentImApi.GroupMsgRecall, recall.Status, recall.Response);
            }

            var item = recall.Response.RecallRetList?.FirstOrDefault(r => r.MsgSeq == msgSeq);
            if (item is not null && item.RetCode != 0 && !IsAlreadyRecalled(item.RetCode))
            {
                throw client.Failure(TencentImApi.GroupMsgRecall, recall.Status, new TencentImEnvelope { ActionStatus = "FAIL", ErrorCode = item.RetCode }, $"of MsgSeq {msgSeq}");
            }

            return;
        }

        var withdraw = await client.AdminMsgWithdrawAsync(
            new AdminMsgWithdrawRequest
            {
                FromAccount = request.Sender?.UserId ?? _instance.Options.AdminIdentifier,
                ToAccount = request.Target.To!,
                MsgKey = request.ProviderMessageKey,
            },
            cancellationToken).ConfigureAwait(false);
        if (!withdraw.Succeeded && !IsAlreadyRecalled(withdraw.Response.ErrorCode))
        {
            throw client.Failure(TencentImApi.AdminMsgWithdraw, withdraw.Status, withdraw.Response);
        }
    }

    private static bool IsAlreadyRecalled(int code) => TencentImErrorMap.Lookup(code).Class == TencentImErrorClass.Success;

    private IReadOnlyList<TencentImMsgElement> CheckAndMap(SendMessage message)
    {
        IReadOnlyList<TencentImMsgElement> body;
        try
        {
            body = TencentImMessageMapper.ToMsgBody(message.Content);
        }
        catch (NotSupportedException)
        {
            throw Invalid("content.type", "is not supported by Tencent Cloud IM");
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, TencentImJsonContext.Default.IReadOnlyListTencentImMsgElement).Length;
        if (bytes > _instance.Options.MaxBodyBytes)
        {
            throw Invalid("content", $"the Tencent MsgBody would be {bytes} bytes, over the budget of {_instance.Options.MaxBodyBytes} bytes (MaxBodyBytes)");
        }

        if (body.Count(e => e.MsgType == "TIMCustomElem") > 1)
        {
            throw Invalid("content", "a Tencent message may contain at most one TIMCustomElem");
        }

        return body;
    }

    private async Task<ProviderSendResult> SendOneAsync(TencentImClient client, SendMessage message, string recipient, IReadOnlyList<TencentImMsgElement> body, CancellationToken cancellationToken)
    {
        var answer = await client.SendMsgAsync(TencentImMessageMapper.ToSendMsg(message, recipient, body), cancellationToken).ConfigureAwait(false);
        if (!answer.Succeeded)
        {
            throw client.Failure(TencentImApi.SendMsg, answer.Status, answer.Response, $"to '{recipient}'");
        }

        return new ProviderSendResult
        {
            Deliveries = [new MessageDelivery { Recipient = recipient, ProviderMessageKey = answer.Response.MsgKey, SentAt = SentAt(answer.Response.MsgTime) }],
        };
    }

    private async Task<ProviderSendResult> SendGroupAsync(TencentImClient client, SendMessage message, IReadOnlyList<TencentImMsgElement> body, CancellationToken cancellationToken)
    {
        var groupId = message.GroupId!;
        var answer = await client.SendGroupMsgAsync(TencentImMessageMapper.ToSendGroupMsg(message, body), cancellationToken).ConfigureAwait(false);
        if (!answer.Succeeded)
        {
            throw client.Failure(TencentImApi.SendGroupMsg, answer.Status, answer.Response, $"to group '{groupId}'");
        }

        if (!string.IsNullOrEmpty(answer.Response.MsgDropReason))
        {
            _instance.Logger.GroupMessageDropped(_instance.Name, groupId, _instance.Redact(answer.Response.MsgDropReason));
            throw new ProviderException(
                _instance.Name,
                GatewayErrorCode.RateLimited,
                $"Tencent Cloud IM send_group_msg to group '{groupId}' was dropped by frequency control: {_instance.Redact(answer.Response.MsgDropReason)}",
                isTransient: true,
                status: answer.Status,
                retryAfter: _instance.Options.Retry.RateLimitDelay);
        }

        return new ProviderSendResult
        {
            Deliveries =
            [
                new MessageDelivery
                {
                    Recipient = groupId,
                    ProviderMessageKey = answer.Response.MsgSeq?.ToString(CultureInfo.InvariantCulture),
                    SentAt = SentAt(answer.Response.MsgTime),
                },
            ],
        };
    }

    private async Task<ProviderSendResult> SendBatchAsync(TencentImClient client, SendMessage message, IReadOnlyList<string> recipients, IReadOnlyList<TencentImMsgElement> body, CancellationToken cancellationToken)
    {
        var chunks = recipients.Chunk(_instance.Options.BatchSize).ToList();
        var deliveries = new List<MessageDelivery>();
        var failures = new List<FailedRecipient>();
        for (var index = 0; index < chunks.Count; index++)
        {
            var chunk = chunks[index];
            TencentImAnswer<BatchSendMsgResponse> answer;
            try
            {
                answer = await client.BatchSendMsgAsync(TencentImMessageMapper.ToBatchSendMsg(message, chunk, index, body), cancellationToken).ConfigureAwait(false);
            }
            catch (ProviderException exception) when (deliveries.Count > 0)
            {
                _instance.Logger.BatchChunkFailed(_instance.Name, index + 1, chunks.Count, chunk.Length, exception.ProviderErrorCode ?? exception.ErrorCode.ToString());
                return Partial(deliveries, failures, chunks.Skip(index).SelectMany(c => c), exception.ToGatewayError());
            }

            var response = answer.Response;
            var listed = (response.ErrorList ?? [])
                .Where(e => e.ToAccount is not null)
                .GroupBy(e => e.ToAccount!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().ErrorCode, StringComparer.Ordinal);
            if (answer.Succeeded)
            {
                // OK without ErrorList: everyone in the chunk got it.
                var sentAt = SentAt(response.MsgTime);
                foreach (var recipient in chunk)
                {
                    if (listed.TryGetValue(recipient, out var code))
                    {
                        failures.Add(RecipientFailure(recipient, code));
                    }
                    else
                    {
                        deliveries.Add(new MessageDelivery { Recipient = recipient, ProviderMessageKey = response.MsgKey, SentAt = sentAt });
                    }
                }

                continue;
            }

            // FAIL: nobody in the chunk got it. Per recipient when Tencent says who, or when the code is about recipients.
            var error = TencentImErrorMap.Lookup(response.ErrorCode);
            if (listed.Count > 0 || error.Class == TencentImErrorClass.Recipient)
            {
                _instance.Logger.BatchChunkFailed(_instance.Name, index + 1, chunks.Count, chunk.Length, response.ErrorCode.ToString(CultureInfo.InvariantCulture));
                foreach (var recipient in chunk)
                {
                    failures.Add(RecipientFailure(recipient, listed.TryGetValue(recipient, out var code) ? code : response.ErrorCode));
                }

                continue;
            }

            var failure = client.Failure(TencentImApi.BatchSendMsg, answer.Status, response, $"chunk {index + 1} of {chunks.Count}");
            if (deliveries.Count == 0)
            {
                throw failure;
            }

            _instance.Logger.BatchChunkFailed(_instance.Name, index + 1, chunks.Count, chunk.Length, response.ErrorCode.ToString(CultureInfo.InvariantCulture));
            return Partial(deliveries, failures, chunks.Skip(index).SelectMany(c => c), failure.ToGatewayError());
        }

        return new ProviderSendResult { Deliveries = deliveries, FailedRecipients = failures };
    }

    private static ProviderSendResult Partial(List<MessageDelivery> deliveries, List<FailedRecipient> failures, IEnumerable<string> notSent, GatewayError error)
    {
        failures.AddRange(notSent.Select(r => new FailedRecipient { Recipient = r, Error = error }));
        return new ProviderSendResult { Deliveries = deliveries, FailedRecipients = failures };
    }

    private static FailedRecipient RecipientFailure(string recipient, int code)
    {
        var error = TencentImErrorMap.Lookup(code);
        return new FailedRecipient
        {
            Recipient = recipient,
            Error = new GatewayError
            {
                Code = error.Code,
                ProviderCode = code.ToString(CultureInfo.InvariantCulture),
                Message = string.Create(CultureInfo.InvariantCulture, $"Tencent Cloud IM batchsendmsg to '{recipient}' failed with ErrorCode {code} ({error.Meaning})"),
                Transient = error.Transient,
            },
        };
    }

    private DateTimeOffset SentAt(long? msgTime) =>
        msgTime is > 0 ? DateTimeOffset.FromUnixTimeSeconds(msgTime.Value) : _instance.TimeProvider.GetUtcNow();

    private ProviderException Invalid(string field, string rule) =>
        new(_instance.Name, GatewayErrorCode.InvalidMessage, $"{field}: {rule}");

    private TencentImClient CreateClient() => new(_httpClientFactory.CreateClient(_instance.HttpClientName), _instance);
}
