using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Gateway.Host.Messaging;

/// <summary>
/// Moves commands from a command queue's error queue (<c>send-message_error</c>) back to the command queue, for the
/// operator once the cause is fixed. Each matching command is republished (same body, content type, message id and
/// reply_to; persistent; confirmed by the broker) before it is removed from the error queue, so a crash in between
/// leaves a copy in both, never in neither; the idempotency record answers a command that turns out to have been sent.
/// MassTransit's fault headers and the gateway's attempt count are dropped, so a requeued command starts a new
/// redelivery budget. Commands that do not match are put back in their order. Bounded by the queue's depth at the start.
/// </summary>
internal sealed class ErrorQueueRequeue(IChannel channel)
{
    private static readonly string[] DroppedHeaderPrefixes = ["MT-Fault-", "MT-Reason", "MT-Host-", DeliveryAttempts.AttemptsHeader, DeliveryAttempts.FirstFailureHeader];

    /// <summary>Runs the requeue.</summary>
    /// <param name="queue">The command queue (<c>send-message</c> or <c>revoke-message</c>).</param>
    /// <param name="matches">Which commands move, by their <c>messageId</c> (empty when it could not be read) and fault message.</param>
    /// <param name="limit">The most commands moved.</param>
    /// <param name="dryRun">Whether only to list what would move.</param>
    /// <param name="cancellationToken">The token to stop.</param>
    /// <returns>Each command looked at: its messageId, the fault's reason, and whether it moved (or would).</returns>
    public async Task<IReadOnlyList<RequeueEntry>> RunAsync(string queue, Func<string, string?, bool> matches, int limit, bool dryRun, CancellationToken cancellationToken)
    {
        var errorQueue = queue + "_error";
        var depth = (await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken)).MessageCount;
        var entries = new List<RequeueEntry>();
        var moved = 0;
        ulong lastKept = 0;
        for (var i = 0; i < depth; i++)
        {
            var message = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
            if (message is null)
            {
                break;
            }

            var messageId = MessageIdOf(message.Body.Span);
            var reason = Header(message.BasicProperties, "MT-Fault-Message");
            var move = moved < limit && matches(messageId, reason);
            entries.Add(new RequeueEntry(messageId, reason, move));
            if (move && !dryRun)
            {
                await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, Republished(message.BasicProperties), message.Body, cancellationToken);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                moved++;
            }
            else
            {
                moved += move ? 1 : 0;
                lastKept = message.DeliveryTag;
            }
        }

        if (lastKept > 0)
        {
            // Everything not moved goes back, in its order.
            await channel.BasicNackAsync(lastKept, multiple: true, requeue: true, cancellationToken);
        }

        return entries;
    }

    /// <summary>Reads a command's <c>messageId</c> from a plain-JSON command or a MassTransit envelope.</summary>
    internal static string MessageIdOf(ReadOnlySpan<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var envelope) && envelope.ValueKind == JsonValueKind.Object)
            {
                root = envelope;
            }

            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString() ?? string.Empty
                : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static BasicProperties Republished(IReadOnlyBasicProperties original)
    {
        var properties = new BasicProperties(original) { DeliveryMode = DeliveryModes.Persistent };
        if (original.Headers is { } headers)
        {
            properties.Headers = headers
                .Where(h => !DroppedHeaderPrefixes.Any(prefix => h.Key.StartsWith(prefix, StringComparison.Ordinal)))
                .ToDictionary(h => h.Key, h => h.Value);
        }

        return properties;
    }

    private static string? Header(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                string text => text,
                _ => value?.ToString(),
            }
            : null;
}
