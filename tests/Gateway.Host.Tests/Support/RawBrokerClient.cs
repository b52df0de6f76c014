using System.Diagnostics;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Gateway.Host.Tests.Support;

/// <summary>
/// Talks AMQP directly, as a service in another language would (RabbitMQ.Client, no MassTransit): raw publishes,
/// queues bound to the event exchanges, and reads of any queue with the message's properties.
/// </summary>
internal sealed class RawBrokerClient(int port, string virtualHost) : IAsyncDisposable
{
    private IConnection? _connection;

    public async Task PublishAsync(string queue, string body, string? contentType, string? replyTo = null)
    {
        await using var channel = await ConnectAsync();
        var properties = new BasicProperties { ContentType = contentType, Persistent = true, ReplyTo = replyTo };
        await channel.BasicPublishAsync(exchange: string.Empty, routingKey: queue, mandatory: false, basicProperties: properties, body: Encoding.UTF8.GetBytes(body));
    }

    /// <summary>Declares a queue of the test's own and binds it to a fanout exchange (declared as MassTransit does, if missing).</summary>
    public async Task BindQueueAsync(string queue, params string[] exchanges)
    {
        await using var channel = await ConnectAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        foreach (var exchange in exchanges)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, string.Empty);
        }
    }

    /// <summary>Declares a plain queue (for example the reply queue a publisher names in <c>reply_to</c>).</summary>
    public async Task DeclareQueueAsync(string queue)
    {
        await using var channel = await ConnectAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
    }

    /// <summary>Waits (bounded) for a message on a queue that may not exist yet, and takes it.</summary>
    public async Task<RawMessage> WaitForMessageAsync(string queue, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var channel = await ConnectAsync();
                var result = await channel.BasicGetAsync(queue, autoAck: true);
                if (result is not null)
                {
                    return new RawMessage(Encoding.UTF8.GetString(result.Body.Span), result.BasicProperties);
                }
            }
            catch (OperationInterruptedException)
            {
                // The queue is declared when the first message is moved there.
            }

            if (deadline.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"no message on '{queue}'");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Counts the ready messages of a queue (0 when it does not exist).</summary>
    public async Task<uint> CountAsync(string queue) => (await InspectAsync(queue))?.MessageCount ?? 0;

    /// <summary>Reads a queue's counts, or <see langword="null"/> when it does not exist.</summary>
    public async Task<QueueDeclareOk?> InspectAsync(string queue)
    {
        try
        {
            await using var channel = await ConnectAsync();
            return await channel.QueueDeclarePassiveAsync(queue);
        }
        catch (OperationInterruptedException)
        {
            return null;
        }
    }

    /// <summary>Gets whether an existing queue is a quorum queue (declaring it as one succeeds only then).</summary>
    public async Task<bool> IsQuorumQueueAsync(string queue)
    {
        try
        {
            await using var channel = await ConnectAsync();
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
            return true;
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
    }

    /// <summary>Waits (bounded) until a queue exists and has a consumer, that is until a worker consumes it.</summary>
    public async Task WaitForConsumerAsync(string queue, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (await InspectAsync(queue) is not { ConsumerCount: > 0 })
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"nothing consumes '{queue}' after {timeout}");
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task<IChannel> ConnectAsync()
    {
        _connection ??= await new ConnectionFactory { HostName = "127.0.0.1", Port = port, VirtualHost = virtualHost, UserName = "guest", Password = "guest" }.CreateConnectionAsync();
        return await _connection.CreateChannelAsync();
    }
}
