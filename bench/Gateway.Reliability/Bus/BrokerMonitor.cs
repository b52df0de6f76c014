using System.Text.Json;
using System.Text.RegularExpressions;
using RabbitMQ.Client;

namespace Gateway.Reliability.Bus;

/// <summary>
/// The suite's view of the broker: queue depth and consumers of <c>send-message</c>, the messageIds in
/// <c>send-message_error</c>, and the outcome events (get/ack into memory). Every call reconnects when the broker was
/// restarted and reports "unknown" instead of failing while it is down.
/// </summary>
internal sealed partial class BrokerMonitor(int port, string virtualHost) : IAsyncDisposable
{
    private IConnection? _connection;

    /// <summary>Gets the ids found in <c>send-message_error</c> so far (drained: the error queue is read once).</summary>
    public HashSet<string> ErrorQueueIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the ids with a <c>MessageSent</c> event, and how many events each had.</summary>
    public Dictionary<string, int> SentEvents { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the ids with a <c>MessageSendFailed</c> event, and the last error code.</summary>
    public Dictionary<string, string> FailedEvents { get; } = new(StringComparer.Ordinal);

    public int DuplicateSentEvents { get; private set; }

    /// <summary>Gets every message read from <c>send-message_error</c>, in order (headers and body).</summary>
    public List<BrokerRecord> ErrorRecords { get; } = [];

    /// <summary>Gets every outcome event read, in order (headers and body).</summary>
    public List<BrokerRecord> OutcomeRecords { get; } = [];

    /// <summary>Ready messages and consumers of a queue; null while unknown (broker down, queue missing).</summary>
    public async Task<(uint Ready, uint Consumers)?> QueueAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await ConnectAsync(cancellationToken);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            var ok = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return (ok.MessageCount, ok.ConsumerCount);
        }
        catch (Exception exception) when (BrokerConnections.IsConnectionFault(exception, cancellationToken))
        {
            await ResetIfClosedAsync();
            return null;
        }
    }

    /// <summary>Declares the suite's outcome queue and binds it to both event exchanges (declared as MassTransit does: durable fanout).</summary>
    public async Task BindOutcomesAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(Queues.Outcomes, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: cancellationToken);
        foreach (var exchange in (string[])[Queues.MessageSentExchange, Queues.MessageSendFailedExchange])
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, arguments: null, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(Queues.Outcomes, exchange, string.Empty, arguments: null, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Reads what arrived in the error queue and the outcome queue since the last call. False while the broker is unreachable.</summary>
    public async Task<bool> CollectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DrainAsync(Queues.SendMessageError, ErrorRecords, record =>
            {
                // Only the start of a body is searched: a hostile command can be megabytes long.
                var head = record.Body.Span[..Math.Min(record.Body.Length, 4096)];
                if (MessageIdPattern().Match(System.Text.Encoding.UTF8.GetString(head)) is { Success: true } match)
                {
                    ErrorQueueIds.Add(match.Groups[1].Value);
                }
            }, cancellationToken);
            await DrainAsync(Queues.Outcomes, OutcomeRecords, record => Outcome(record.Exchange, record.Body), cancellationToken);
            return true;
        }
        catch (Exception exception) when (BrokerConnections.IsConnectionFault(exception, cancellationToken))
        {
            await ResetIfClosedAsync();
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            try
            {
                await _connection.DisposeAsync();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
            }

            _connection = null;
        }
    }

    [GeneratedRegex("\"messageId\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex MessageIdPattern();

    private void Outcome(string exchange, ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("message", out var message) || !message.TryGetProperty("messageId", out var idElement))
            {
                return;
            }

            var id = idElement.GetString() ?? string.Empty;
            if (exchange == Queues.MessageSendFailedExchange)
            {
                FailedEvents[id] = message.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) ? code.ToString() : "?";
                return;
            }

            SentEvents[id] = SentEvents.GetValueOrDefault(id) + 1;
            if (message.TryGetProperty("duplicate", out var duplicate) && duplicate.ValueKind == JsonValueKind.True)
            {
                DuplicateSentEvents++;
            }
        }
        catch (JsonException)
        {
        }
    }

    private async Task DrainAsync(string queue, List<BrokerRecord> records, Action<BrokerRecord> handle, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return; // not declared yet (MassTransit creates the error queue on the first fault)
        }

        for (var i = 0; i < 100_000; i++)
        {
            var result = await channel.BasicGetAsync(queue, autoAck: false, cancellationToken);
            if (result is null)
            {
                return;
            }

            var record = BrokerRecord.From(queue, records.Count + 1, result);
            records.Add(record);
            handle(record);
            // Acknowledged after it was recorded: a broker crash in between redelivers it, and the sets absorb the repeat.
            await channel.BasicAckAsync(result.DeliveryTag, multiple: false, cancellationToken);
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } open)
        {
            return open;
        }

        await DisposeAsync();
        _connection = await BrokerConnections.Factory(port, virtualHost, "reliability-monitor").CreateConnectionAsync(cancellationToken);
        return _connection;
    }

    private async Task ResetIfClosedAsync()
    {
        if (_connection is { IsOpen: false })
        {
            await DisposeAsync();
        }
    }
}
