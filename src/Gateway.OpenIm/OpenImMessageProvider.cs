using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.OpenIm.Dtos;
using Gateway.OpenIm.Internal;
using Gateway.OpenIm.Mapping;

namespace Gateway.OpenIm;

/// <summary>
/// One OpenIM provider instance. A group or a single user gets one <c>send_msg</c>; several users get
/// <c>batch_send_msg</c> chunks (v3, <see cref="OpenImDeliveryMode.Batch"/>) or one <c>send_msg</c> each
/// (<see cref="OpenImDeliveryMode.PerRecipient"/>, and always on v2). Revoke works on v2 only.
/// </summary>
internal sealed class OpenImMessageProvider : IMessageProvider, ICircuitStateSource
{
    private readonly OpenImInstance _instance;

    public OpenImMessageProvider(OpenImInstance instance)
    {
        _instance = instance;
        Capabilities = OpenImMessageMapper.Capabilities(instance.Options);
    }

    public string Name => _instance.Name;

    public string ProviderType => OpenImOptions.ProviderType;

    public ProviderCapabilities Capabilities { get; }

    public ProviderCircuitState CircuitState => _instance.CircuitState.CircuitState switch
    {
        Polly.CircuitBreaker.CircuitState.Open => ProviderCircuitState.Open,
        Polly.CircuitBreaker.CircuitState.HalfOpen => ProviderCircuitState.HalfOpen,
        Polly.CircuitBreaker.CircuitState.Isolated => ProviderCircuitState.Isolated,
        _ => ProviderCircuitState.Closed,
    };

    internal OpenImInstance Instance => _instance;

    public async Task<ProviderSendResult> SendAsync(SendMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        CheckProviderRules(message);
        var options = _instance.Options;

        if (message.GroupId is not null)
        {
            var data = await _instance.Client.SendMsgAsync(OpenImMessageMapper.ToSendMsg(message, options, recvId: null), message.MessageId, cancellationToken).ConfigureAwait(false);
            return new ProviderSendResult { Deliveries = [Delivery(message.GroupId, data.ClientMsgId, data.SendTime)] };
        }

        var recipients = message.To ?? throw Invalid("to", "must list at least one recipient");
        if (recipients.Count == 1)
        {
            var data = await _instance.Client.SendMsgAsync(OpenImMessageMapper.ToSendMsg(message, options, recipients[0]), message.MessageId, cancellationToken).ConfigureAwait(false);
            return new ProviderSendResult { Deliveries = [Delivery(recipients[0], data.ClientMsgId, data.SendTime)] };
        }

        var result = options.ApiVersion == OpenImApiVersion.V2 || options.DeliveryMode == OpenImDeliveryMode.PerRecipient
            ? await SendOneByOneAsync(message, recipients, cancellationToken).ConfigureAwait(false)
            : await SendInBatchesAsync(message, recipients, cancellationToken).ConfigureAwait(false);
        if (result.FailedRecipients.Count > 0)
        {
            _instance.Logger.RecipientsFailed(Name, message.MessageId, result.Deliveries.Count, result.FailedRecipients.Count);
        }

        return result;
    }

    public async Task RevokeAsync(RevokeMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_instance.Options.ApiVersion != OpenImApiVersion.V2)
        {
            throw Invalid("providerMessageKey", $"revoking is not supported by OpenIM {_instance.Options.ApiVersion}: /msg/send_msg stopped accepting contentType 111 in v3.4");
        }

        await _instance.Client.SendMsgAsync(OpenImMessageMapper.ToRevoke(request, _instance.Options), request.MessageId, cancellationToken).ConfigureAwait(false);
    }

    private void CheckProviderRules(SendMessage message)
    {
        if (message.Content.Type == ContentType.Notification
            && _instance.Options.ApiVersion == OpenImApiVersion.V2
            && string.IsNullOrEmpty(message.Content.Notification?.FaceUrl))
        {
            throw Invalid("content.notification.faceUrl", "is required by OpenIM v2.0.8 (notificationFaceURL)");
        }
    }

    private async Task<ProviderSendResult> SendOneByOneAsync(SendMessage message, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        var deliveries = new List<MessageDelivery>(recipients.Count);
        var failures = new List<FailedRecipient>();
        for (var i = 0; i < recipients.Count; i++)
        {
            var recipient = recipients[i];
            try
            {
                var data = await _instance.Client.SendMsgAsync(OpenImMessageMapper.ToSendMsg(message, _instance.Options, recipient), message.MessageId, cancellationToken).ConfigureAwait(false);
                deliveries.Add(Delivery(recipient, data.ClientMsgId, data.SendTime));
            }
            catch (ProviderException exception) when (IsAboutRecipient(exception))
            {
                failures.Add(new FailedRecipient { Recipient = recipient, Error = exception.ToGatewayError() });
            }
            catch (ProviderException exception) when (i > 0)
            {
                // The provider itself failed after some recipients were handled: report them, and the rest as failed with this error.
                var error = exception.ToGatewayError();
                failures.AddRange(recipients.Skip(i).Select(r => new FailedRecipient { Recipient = r, Error = error }));
                break;
            }
        }

        return new ProviderSendResult { Deliveries = deliveries, FailedRecipients = failures };
    }

    private async Task<ProviderSendResult> SendInBatchesAsync(SendMessage message, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        var deliveries = new List<MessageDelivery>(recipients.Count);
        var failures = new List<FailedRecipient>();
        var batchSize = _instance.Options.BatchSize;
        for (var start = 0; start < recipients.Count; start += batchSize)
        {
            var chunk = recipients.Skip(start).Take(batchSize).ToArray();
            BatchSendMsgData data;
            try
            {
                data = await _instance.Client.BatchSendMsgAsync(OpenImMessageMapper.ToBatchSendMsg(message, _instance.Options, chunk), message.MessageId, cancellationToken).ConfigureAwait(false);
            }
            catch (ProviderException exception) when (start > 0)
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

    private MessageDelivery Delivery(string recipient, string? clientMsgId, long? sendTime) => new()
    {
        Recipient = recipient,
        ProviderMessageKey = string.IsNullOrEmpty(clientMsgId) ? null : clientMsgId,
        SentAt = sendTime is > 0 and < 253_402_300_799_999 ? DateTimeOffset.FromUnixTimeMilliseconds(sendTime.Value) : _instance.TimeProvider.GetUtcNow(),
    };

    private ProviderException Invalid(string field, string rule) =>
        new(Name, GatewayErrorCode.InvalidMessage, $"{field}: {rule}");
}
