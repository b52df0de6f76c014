using System.Text.Json;
using Gateway.EndToEnd.Wire;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Gateway.EndToEnd.Peers;

/// <summary>
/// The <c>raw</c> peer: RabbitMQ.Client 7 with an async consumer on <c>send-message</c> (prefetch and dispatch
/// concurrency as configured), the plain JSON deserialized, the OpenIM call made, then a manual ack. Nothing else:
/// no outcome event, no retry, no validation, no idempotency.
/// </summary>
internal static class RawPeer
{
    public static async Task<int> RunAsync(PeerSettings settings, CancellationToken cancellationToken)
    {
        using var client = await OpenImPeerClient.ConnectAsync(settings.ProviderUrl, cancellationToken);
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = settings.RabbitMqPort,
            VirtualHost = settings.VirtualHost,
            UserName = "guest",
            Password = "guest",
            ClientProvidedName = "e2e-peer-raw",
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false, consumerDispatchConcurrency: settings.ConcurrentMessageLimit),
            cancellationToken);
        await channel.QueueDeclareAsync(QueueShape.Name, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: cancellationToken);
        await channel.BasicQosAsync(0, settings.PrefetchCount, global: false, cancellationToken);

        var failures = 0;
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            SendMessageCommand? command;
            try
            {
                // The body is only valid during the callback: deserialize before the first await.
                command = JsonSerializer.Deserialize(delivery.Body.Span, EndToEndJsonContext.Default.SendMessageCommand);
            }
            catch (JsonException)
            {
                command = null;
            }

            if (command is null)
            {
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: false, delivery.CancellationToken);
                return;
            }

            try
            {
                await client.SendAsync(command, delivery.CancellationToken);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, delivery.CancellationToken);
            }
            catch (HttpRequestException exception)
            {
                if (Interlocked.Increment(ref failures) <= 10)
                {
                    await Console.Error.WriteLineAsync($"raw peer: {command.MessageId}: {exception.Message}");
                }

                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, delivery.CancellationToken);
            }
        };
        await channel.BasicConsumeAsync(QueueShape.Name, autoAck: false, consumer, cancellationToken);
        Console.WriteLine("raw peer: consuming");

        // Until the driver stops this process (or Ctrl-C).
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
