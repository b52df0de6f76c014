using System.Text.Json;
using Gateway.Core.Serialization;
using Gateway.Host.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Gateway.Host.Messaging;

/// <summary>
/// Publishes outcome events as plain JSON for consumers in any language: the bare camelCase event (the JSON of
/// docs/contracts.md) on the same fanout exchanges MassTransit uses (<c>Gateway.Core.Contracts:MessageSent</c>, ...),
/// persistent, <c>content_type</c> <c>application/json</c>, the command's <c>messageId</c> as the AMQP
/// <c>message_id</c>, the event's name as the AMQP <c>type</c> and a <c>type</c> header, and its MassTransit message URN
/// in <c>MT-MessageType</c>. A command that named a reply
/// queue (AMQP <c>reply_to</c>) also gets its outcome there. Each publish waits for the broker's confirm, so an event is
/// stored before the command is acknowledged; concurrent consumers publish concurrently on one confirmed channel, so no
/// publish waits for another's confirm.
/// </summary>
internal sealed class JsonEventPublisher(IOptions<RabbitMqOptions> options, ILogger<JsonEventPublisher> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;

    public async Task PublishAsync(object outcome, string messageId, string? replyTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var channel = await ChannelAsync(cancellationToken);
        var name = outcome.GetType().Name;
        var properties = new BasicProperties
        {
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = messageId,
            Type = name,
            Headers = new Dictionary<string, object?>
            {
                ["type"] = name,

                // The message type as MassTransit names it, so a MassTransit service reading the plain JSON (raw JSON
                // deserializer) hands each event only to its own consumer, not to every consumer of the endpoint.
                [MessageHeaders.MessageType] = MessageUrn.ForTypeString(outcome.GetType()),
            },
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(outcome, outcome.GetType(), GatewayJson.Options);
        await channel.BasicPublishAsync(EventExchanges.For(outcome.GetType()), string.Empty, mandatory: false, properties, body, cancellationToken);
        if (replyTo is not null)
        {
            // The default exchange routes to the queue named by reply_to; a missing queue drops only this copy.
            await channel.BasicPublishAsync(string.Empty, replyTo, mandatory: false, properties, body, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            await _channel.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _gate.Dispose();
    }

    private async ValueTask<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_channel is { IsOpen: true } opened)
            {
                return opened;
            }

            _connection ??= await RabbitMqConnections.CreateAsync(options.Value, "messaging-gateway-events", cancellationToken);
            var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
            foreach (var exchange in EventExchanges.All)
            {
                // The exchanges MassTransit declares for the events, declared the same way (fanout, durable), so both formats can be switched.
                await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            }

            _channel = channel;
            logger.JsonEventsReady(EventExchanges.Names);
            return channel;
        }
        finally
        {
            _gate.Release();
        }
    }
}
