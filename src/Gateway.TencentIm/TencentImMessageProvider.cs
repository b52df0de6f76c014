using System.Globalization;
using Gateway.Core.Contracts;
using Gateway.Core.Http;
using Gateway.Core.Messages;
using Gateway.Core.Providers;
using Gateway.TencentIm.Auth;
using Gateway.TencentIm.Client;
using Gateway.TencentIm.Dtos;
using Gateway.TencentIm.Errors;
using Gateway.TencentIm.Mapping;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.TencentIm;

/// <summary>
/// One Tencent Cloud IM app: one user → <c>sendmsg</c>, several → <c>batchsendmsg</c> in chunks of <c>BatchSize</c>,
/// a group → <c>send_group_msg</c>; recall through <c>admin_msgwithdraw</c> and <c>group_msg_recall</c>.
/// </summary>
internal sealed class TencentImMessageProvider : IMessageProvider
{
    private readonly TencentImTarget _target;
    private readonly ProviderClients<TencentImClient> _clients;
    private readonly ProviderCircuits _circuits;
    private readonly UserSigCache _userSigs;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public TencentImMessageProvider(
        string name,
        IServiceProvider services,
        IOptionsMonitor<TencentImOptions> options,
        ProviderClients<TencentImClient> clients,
        ProviderCircuits circuits,
        TimeProvider timeProvider,
        ILogger<TencentImMessageProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _target = new TencentImTarget(name, options.Get(name));
        _clients = clients;
        _circuits = circuits;
        _userSigs = services.GetRequiredKeyedService<UserSigCache>(name);
        _timeProvider = timeProvider;
        _logger = logger;
        Capabilities = TencentImCapabilities.For(_target.Options);
    }

    public string Name => _target.Instance;

    public string ProviderType => TencentImOptions.ProviderType;

    public ProviderCapabilities Capabilities { get; }

    public ProviderCircuitState CircuitState => _circuits.StateOf(Name);

    public async Task<ProviderSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = TencentImMessageMapper.ToMsgBody(message.Content);
        var client = _clients.Create();
        switch (message.Recipients)
        {
            case GroupRecipient group:
                var toGroup = await client.SendGroupMsgAsync(_target, TencentImMessageMapper.ToSendGroupMsg(message, group, body), cancellationToken).ConfigureAwait(false);
                if (!string.IsNullOrEmpty(toGroup.MsgDropReason))
                {
                    var reason = _userSigs.Redact(toGroup.MsgDropReason);
                    _logger.GroupMessageDropped(Name, group.GroupId, reason);
                    throw TencentImFailures.Dropped(Name, group.GroupId, reason, 200, _target.RateLimitedDelay);
                }

                return new ProviderSendResult
                {
                    Deliveries = [Delivery(group.GroupId, toGroup.MsgSeq?.ToString(CultureInfo.InvariantCulture), toGroup.MsgTime)],
                };

            case UserRecipients { UserIds: [var user] }:
                var toUser = await client.SendMsgAsync(_target, TencentImMessageMapper.ToSendMsg(message, user, body), cancellationToken).ConfigureAwait(false);
                return new ProviderSendResult { Deliveries = [Delivery(user, toUser.MsgKey, toUser.MsgTime)] };

            case UserRecipients users:
                return await SendInBatchesAsync(client, message, users.UserIds, body, cancellationToken).ConfigureAwait(false);

            default:
                throw new ArgumentOutOfRangeException(nameof(message), message.Recipients, "unknown recipients");
        }
    }

    public async Task RevokeAsync(OutboundRevoke request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = _clients.Create();
        switch (request.Conversation)
        {
            case GroupRecipient group:
                await client.GroupMsgRecallAsync(_target, TencentImMessageMapper.ToRecall(request, group), cancellationToken).ConfigureAwait(false);
                break;

            case UserRecipients { UserIds: [var user] }:
                await client.AdminMsgWithdrawAsync(_target, TencentImMessageMapper.ToWithdraw(request, user, _target.Options.AdminIdentifier), cancellationToken).ConfigureAwait(false);
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Conversation, "a revoke targets one user or one group");
        }
    }

    /// <summary>
    /// One <c>batchsendmsg</c> per chunk, decided per recipient: a recipient in <c>ErrorList</c> failed with its own code;
    /// the others got the message (with the chunk's one <c>MsgKey</c>) when <c>ErrorCode</c> is 0, and failed with
    /// <c>ErrorCode</c> when it is not (every recipient failed). A chunk refused as a whole ends the send: thrown when
    /// nothing was delivered yet, else a partial result with the rest listed as failed.
    /// </summary>
    private async Task<ProviderSendResult> SendInBatchesAsync(
        TencentImClient client,
        OutboundMessage message,
        IReadOnlyList<string> recipients,
        IReadOnlyList<TencentImMsgElement> body,
        CancellationToken cancellationToken)
    {
        var chunks = recipients.Chunk(_target.Options.BatchSize).ToList();
        var deliveries = new List<MessageDelivery>(recipients.Count);
        var failures = new List<FailedRecipient>();
        for (var index = 0; index < chunks.Count; index++)
        {
            var chunk = chunks[index];
            BatchSendMsgResponse answer;
            try
            {
                var request = TencentImMessageMapper.ToBatchSendMsg(message, chunk, index, body);
                answer = await client.BatchSendMsgAsync(_target, request, $"chunk {index + 1} of {chunks.Count}", cancellationToken).ConfigureAwait(false);
            }
            catch (ProviderException exception) when (deliveries.Count > 0)
            {
                // A whole chunk failed after earlier chunks went out: a partial result, not a failure of the message.
                _logger.BatchChunkFailed(Name, index + 1, chunks.Count, chunk.Length, exception.ProviderErrorCode ?? exception.ErrorCode.ToString());
                var error = exception.ToGatewayError();
                failures.AddRange(chunks.Skip(index).SelectMany(c => c).Select(r => new FailedRecipient { Recipient = r, Error = error }));
                break;
            }

            var listed = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in answer.ErrorList ?? [])
            {
                if (item?.ToAccount is { } account)
                {
                    listed.TryAdd(account, item.ErrorCode);
                }
            }

            var sentAt = SentAt(answer.MsgTime);
            var failedBefore = failures.Count;
            foreach (var recipient in chunk)
            {
                if (listed.TryGetValue(recipient, out var code))
                {
                    failures.Add(TencentImFailures.Recipient(recipient, code));
                }
                else if (answer.ErrorCode == 0)
                {
                    deliveries.Add(new MessageDelivery { Recipient = recipient, ProviderMessageKey = answer.MsgKey, SentAt = sentAt });
                }
                else
                {
                    failures.Add(TencentImFailures.Recipient(recipient, answer.ErrorCode));
                }
            }

            if (failures.Count > failedBefore)
            {
                _logger.RecipientsFailed(Name, message.MessageId, index + 1, chunks.Count, chunk.Length - (failures.Count - failedBefore), failures.Count - failedBefore);
            }
        }

        return new ProviderSendResult { Deliveries = deliveries, FailedRecipients = failures };
    }

    private MessageDelivery Delivery(string recipient, string? key, long? msgTime) => new()
    {
        Recipient = recipient,
        ProviderMessageKey = string.IsNullOrEmpty(key) ? null : key,
        SentAt = SentAt(msgTime),
    };

    private DateTimeOffset SentAt(long? msgTime) =>
        msgTime is > 0 and < 253_402_300_800 ? DateTimeOffset.FromUnixTimeSeconds(msgTime.Value) : _timeProvider.GetUtcNow();
}
