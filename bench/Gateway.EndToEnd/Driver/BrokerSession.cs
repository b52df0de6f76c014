using System.Text;
using Gateway.EndToEnd.Peers;
using RabbitMQ.Client;

namespace Gateway.EndToEnd.Driver;

/// <summary>
/// The load generator's AMQP connection to one run's virtual host: a channel with publisher confirms (each publish
/// completes when the broker confirmed it) and a second channel for queue inspection and clean-up.
/// </summary>
internal sealed class BrokerSession : IAsyncDisposable
{
    private static readonly BasicProperties Persistent = new() { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };

    private readonly IConnection _connection;
    private readonly IChannel _publisher;
    private readonly IChannel _control;

    private BrokerSession(IConnection connection, IChannel publisher, IChannel control)
    {
        _connection = connection;
        _publisher = publisher;
        _control = control;
    }

    /// <summary>Gets the broker's version as it announces it.</summary>
    public string ServerVersion =>
        _connection.ServerProperties is { } properties && properties.TryGetValue("version", out var value) && value is byte[] bytes
            ? Encoding.UTF8.GetString(bytes)
            : "unknown";

    /// <summary>Connects to a virtual host on 127.0.0.1.</summary>
    /// <param name="port">The AMQP port.</param>
    /// <param name="virtualHost">The virtual host.</param>
    /// <param name="cancellationToken">Cancels the connection.</param>
    /// <returns>The session.</returns>
    public static async Task<BrokerSession> OpenAsync(int port, string virtualHost, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = port,
            VirtualHost = virtualHost,
            UserName = "guest",
            Password = "guest",
            ClientProvidedName = "e2e-driver",
        };
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        try
        {
            var publisher = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
                cancellationToken);
            var control = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            return new BrokerSession(connection, publisher, control);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Declares the command queue (durable, classic, no arguments: the shape every consumer declares).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task completed when the queue exists.</returns>
    public async Task DeclareQueueAsync(CancellationToken cancellationToken) =>
        await _control.QueueDeclareAsync(QueueShape.Name, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: cancellationToken);

    /// <summary>Reads the queue's ready-message and consumer counts.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The counts.</returns>
    public async Task<(uint Messages, uint Consumers)> InspectQueueAsync(CancellationToken cancellationToken)
    {
        var ok = await _control.QueueDeclarePassiveAsync(QueueShape.Name, cancellationToken);
        return (ok.MessageCount, ok.ConsumerCount);
    }

    /// <summary>Publishes one command to the default exchange, routing key <c>send-message</c>, persistent.</summary>
    /// <param name="body">The JSON.</param>
    /// <param name="cancellationToken">Cancels the publish.</param>
    /// <returns>Completes when the broker confirmed it; throws if it was nacked or returned.</returns>
    public ValueTask PublishAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        _publisher.BasicPublishAsync(string.Empty, QueueShape.Name, mandatory: true, Persistent, body, cancellationToken);

    /// <summary>Deletes the command queue with whatever is left in it.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task completed when the queue is gone.</returns>
    public async Task DeleteQueueAsync(CancellationToken cancellationToken) =>
        await _control.QueueDeleteAsync(QueueShape.Name, ifUnused: false, ifEmpty: false, cancellationToken: cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _publisher.DisposeAsync();
        await _control.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
