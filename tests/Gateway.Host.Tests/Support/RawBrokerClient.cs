using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Gateway.Host.Tests.Support;

/// <summary>Talks AMQP directly, as a service in another language would: raw publishes and reads of the error queue.</summary>
internal sealed class RawBrokerClient(int port, string virtualHost) : IAsyncDisposable
{
    private IConnection? _connection;

    public async Task PublishAsync(string queue, string body, string? contentType)
    {
        await using var channel = await ConnectAsync();
        var properties = new BasicProperties { ContentType = contentType, Persistent = true };
        await channel.BasicPublishAsync(exchange: string.Empty, routingKey: queue, mandatory: false, basicProperties: properties, body: Encoding.UTF8.GetBytes(body));
    }

    /// <summary>Waits (bounded) for a message on a queue that may not exist yet; returns its body and headers.</summary>
    public async Task<(string Body, IDictionary<string, object?> Headers)> WaitForMessageAsync(string queue, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                await using var channel = await ConnectAsync();
                var result = await channel.BasicGetAsync(queue, autoAck: true);
                if (result is not null)
                {
                    var headers = result.BasicProperties.Headers ?? new Dictionary<string, object?>();
                    return (Encoding.UTF8.GetString(result.Body.Span), headers);
                }
            }
            catch (OperationInterruptedException)
            {
                // The queue is declared when the first message is moved there.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no message on '{queue}'");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Counts the ready messages of a queue (0 when it does not exist).</summary>
    public async Task<uint> CountAsync(string queue)
    {
        try
        {
            await using var channel = await ConnectAsync();
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
    }

    public static string Header(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            _ => value?.ToString() ?? string.Empty,
        } : string.Empty;

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
