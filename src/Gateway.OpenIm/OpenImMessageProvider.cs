using Gateway.Core.Contracts;
using Gateway.Core.Http;
using Gateway.Core.Messages;
using Gateway.Core.Providers;
using Gateway.OpenIm.Client;
using Gateway.OpenIm.Dtos;
using Gateway.OpenIm.Internal;
using Gateway.OpenIm.Mapping;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.OpenIm;

/// <summary>
/// One OpenIM provider instance. A group or a single user gets one <c>send_msg</c>; several users get
/// <c>batch_send_msg</c> chunks (v3, <see cref="OpenImDeliveryMode.Batch"/>) or one <c>send_msg</c> each
/// (<see cref="OpenImDeliveryMode.PerRecipient"/>, and always on v2). Revoke works on v2 only.
/// </summary>
internal sealed class OpenImMessageProvider : IMessageProvider
{
    private readonly OpenImTarget _target;
    private readonly ProviderClients<OpenImClient> _clients;
    private readonly ProviderCircuits _circuits;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public OpenImMessageProvider(
        string name,
        IOptionsMonitor<OpenImOptions> options,
        ProviderClients<OpenImClient> clients,
        ProviderCircuits circuits,
        TimeProvider timeProvider,
        ILogger<OpenImMessageProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _target = new OpenImTarget(name, options.Get(name));
        _clients = clients;
        _circuits = circuits;
        _timeProvider = timeProvider;
        _logger = logger;
        Capabilities = OpenImCapabilities.For(_target.Options);
    }

    public string Name => _target.Instance;

    public string ProviderType => OpenImOptions.ProviderType;

    public ProviderCapabilities Capabilities { get; }

    /// <summary>
    /// Gets the more severe of the instance's two breakers: the send pipeline's and the admin-token (auth side
    /// pipeline) one. Every send needs a token, so while the token breaker is open the instance cannot send either.
    /// </summary>
    public ProviderCircuitState CircuitState =>
        MoreSevere(_circuits.StateOf(Name), _circuits.StateOf(Name + ProviderRequests.PipelineSeparator + OpenImPipeline.AuthPipeline));

    public async Task<ProviderSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var options = _target.Options;
        var client = _clients.Create();
        switch (message.Recipients)
        {
            case GroupRecipient group:
                var toGroup = await client.SendMsgAsync(_target, OpenImMessageMapper.ToSendMsg(message, options, group), message.MessageId, cancellationToken).ConfigureAwait(false);
                return new ProviderSendResult { Deliveries = [Delivery(group.GroupId, toGroup.ClientMsgId, toGroup.SendTime)] };

            case UserRecipients { UserIds: [var user] }:
                var toUser = await client.SendMsgAsync(_target, OpenImMessageMapper.ToSendMsg(message, options, user), message.MessageId, cancellationToken).ConfigureAwait(false);
                return new ProviderSendResult { Deliveries = [Delivery(user, toUser.ClientMsgId, toUser.SendTime)] };

            case UserRecipients users:
                var result = _target.LegacyV2 || options.DeliveryMode == OpenImDeliveryMode.PerRecipient
                    ? await SendOneByOneAsync(client, message, users.UserIds, cancellationToken).ConfigureAwait(false)
                    : await SendInBatchesAsync(client, message, users.UserIds, cancellationToken).ConfigureAwait(false);
                if (result.FailedRecipients.Count > 0)
                {
                    _logger.RecipientsFailed(Name, message.MessageId, result.Deliveries.Count, result.FailedRecipients.Count);
                }

                return result;

            default:
                throw new ArgumentOutOfRangeException(nameof(message), message.Recipients, "unknown recipients");
        }
    }

    public async Task RevokeAsync(OutboundRevoke request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _clients.Create().SendMsgAsync(_target, OpenImMessageMapper.ToRevoke(request, _target.Options), request.MessageId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Errors that concern one recipient only, so a per-recipient send carries on with the others.</summary>
    private static bool IsAboutRecipient(ProviderException exception) =>
        exception.ErrorCode is GatewayErrorCode.RecipientNotFound or GatewayErrorCode.RecipientRejected;

    private static GatewayError BatchFailure(string recipient) => new()
    {
        Code = GatewayErrorCode.Unknown,
        Message = $"OpenIM batch_send_msg listed '{recipient}' in failedUserIDs (the server gives no reason: unknown user, blocked, opted out, or an internal error); send to it alone, or use DeliveryMode PerRecipient, to learn why",
        Transient = false,
    };

    private static GatewayError NotReported(string recipient) => new()
    {
        Code = GatewayErrorCode.Unknown,
        Message = $"OpenIM batch_send_msg reported neither a result nor a failure for '{recipient}'; it may or may not have been delivered",
        Transient = false,
    };

    private async Task<ProviderSendResult> SendOneByOneAsync(OpenImClient client, OutboundMessage message, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        var deliveries = new List<MessageDelivery>(recipients.Count);
        var failures = new List<FailedRecipient>();
        for (var i = 0; i < recipients.Count; i++)
        {
            var recipient = recipients[i];
            try
            {
                var data = await client.SendMsgAsync(_target, OpenImMessageMapper.ToSendMsg(message, _target.Options, recipient), message.MessageId, cancellationToken).ConfigureAwait(false);
                deliveries.Add(Delivery(recipient, data.ClientMsgId, data.SendTime));
            }
            catch (ProviderException exception) when (IsAboutRecipient(exception))
            {
                failures.Add(new FailedRecipient { Recipient = recipient, Error = exception.ToGatewayError() });
            }
            catch (ProviderException exception) when (deliveries.Count > 0)
            {
                // The provider itself failed after some recipients got it: report them, and the rest as failed with this error.
                var error = exception.ToGatewayError();
                failures.AddRange(recipients.Skip(i).Select(r => new FailedRecipient { Recipient = r, Error = error }));
                break;
            }
        }

        return new ProviderSendResult { Deliveries = deliveries, FailedRecipients = failures };
    }

    private async Task<ProviderSendResult> SendInBatchesAsync(OpenImClient client, OutboundMessage message, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        var deliveries = new List<MessageDelivery>(recipients.Count);
        var failures = new List<FailedRecipient>();
        var batchSize = _target.Options.BatchSize;
        for (var start = 0; start < recipients.Count; start += batchSize)
        {
            var chunk = recipients.Skip(start).Take(batchSize).ToArray();
            BatchSendMsgData data;
            try
            {
                data = await client.BatchSendMsgAsync(_target, OpenImMessageMapper.ToBatchSendMsg(message, _target.Options, chunk), message.MessageId, cancellationToken).ConfigureAwait(false);
            }
            catch (ProviderException exception) when (deliveries.Count > 0)
            {
                // A whole chunk failed after earlier chunks went out: a partial result, not a failure of the message.
                var error = exception.ToGatewayError();
                failures.AddRange(recipients.Skip(start).Select(r => new FailedRecipient { Recipient = r, Error = error }));
                break;
            }

            var delivered = new Dictionary<string, BatchSendResult>(StringComparer.Ordinal);
            foreach (var result in data.Results ?? [])
            {
                if (result?.RecvId is { } recvId)
                {
                    delivered.TryAdd(recvId, result);
                }
            }

            var failed = new HashSet<string>(data.FailedUserIds?.OfType<string>() ?? [], StringComparer.Ordinal);
            foreach (var recipient in chunk)
            {
                if (failed.Contains(recipient))
                {
                    failures.Add(new FailedRecipient { Recipient = recipient, Error = BatchFailure(recipient) });
                }
                else if (delivered.TryGetValue(recipient, out var result))
                {
                    deliveries.Add(Delivery(recipient, result.ClientMsgId, result.SendTime));
                }
                else
                {
                    failures.Add(new FailedRecipient { Recipient = recipient, Error = NotReported(recipient) });
                }
            }
        }

        return new ProviderSendResult { Deliveries = deliveries, FailedRecipients = failures };
    }

    private MessageDelivery Delivery(string recipient, string? clientMsgId, long? sendTime) => new()
    {
        Recipient = recipient,
        ProviderMessageKey = string.IsNullOrEmpty(clientMsgId) ? null : clientMsgId,
        SentAt = sendTime is > 0 and < 253_402_300_799_999 ? DateTimeOffset.FromUnixTimeMilliseconds(sendTime.Value) : _timeProvider.GetUtcNow(),
    };

    private static ProviderCircuitState MoreSevere(ProviderCircuitState a, ProviderCircuitState b) => Severity(a) >= Severity(b) ? a : b;

    private static int Severity(ProviderCircuitState state) => state switch
    {
        ProviderCircuitState.Isolated => 3,
        ProviderCircuitState.Open => 2,
        ProviderCircuitState.HalfOpen => 1,
        _ => 0,
    };
}
