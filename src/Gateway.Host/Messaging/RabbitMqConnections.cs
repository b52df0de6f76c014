using System.Security.Authentication;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Gateway.Host.Messaging;

/// <summary>The worker's own RabbitMQ connections (besides MassTransit's): the same <c>RabbitMq</c> settings, recovering on their own.</summary>
internal static class RabbitMqConnections
{
    /// <summary>Connects, retrying while the broker is unreachable until <paramref name="cancellationToken"/> ends.</summary>
    public static async Task<IConnection> CreateAsync(RabbitMqOptions options, string name, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = options.Host,
            Port = options.Port,
            VirtualHost = options.VirtualHost,
            UserName = options.Username,
            Password = options.Password,
            ClientProvidedName = name,
            AutomaticRecoveryEnabled = true,
        };
        if (options.UseTls)
        {
            factory.Ssl = new SslOption { Enabled = true, ServerName = options.TlsServerName ?? options.Host, Version = SslProtocols.Tls12 | SslProtocols.Tls13 };
        }

        while (true)
        {
            try
            {
                return await factory.CreateConnectionAsync(cancellationToken);
            }
            catch (BrokerUnreachableException) when (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }
}
