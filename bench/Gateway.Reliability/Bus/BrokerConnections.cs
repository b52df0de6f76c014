using RabbitMQ.Client;

namespace Gateway.Reliability.Bus;

/// <summary>Connection settings for the suite's own clients (publisher, monitor): loopback, guest, no automatic recovery.</summary>
internal static class BrokerConnections
{
    public static ConnectionFactory Factory(int port, string virtualHost, string name) => new()
    {
        HostName = "127.0.0.1",
        Port = port,
        VirtualHost = virtualHost,
        UserName = "guest",
        Password = "guest",
        ClientProvidedName = name,
        AutomaticRecoveryEnabled = false,
        TopologyRecoveryEnabled = false,
        RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        ContinuationTimeout = TimeSpan.FromSeconds(10),
        RequestedHeartbeat = TimeSpan.FromSeconds(10),
    };

    /// <summary>Whether an exception says the broker or the connection is (temporarily) gone, not that the suite is wrong.</summary>
    public static bool IsConnectionFault(Exception exception, CancellationToken cancellationToken) =>
        exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested;
}
