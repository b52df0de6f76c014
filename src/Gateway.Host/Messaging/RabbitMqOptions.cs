namespace Gateway.Host.Messaging;

/// <summary>The RabbitMQ connection (configuration section <c>RabbitMq</c>).</summary>
internal sealed class RabbitMqOptions
{
    public const string SectionName = "RabbitMq";

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    /// <summary>Gets or sets a value indicating whether to connect with TLS (usually on port 5671).</summary>
    public bool UseTls { get; set; }

    /// <summary>Gets or sets the server name expected in the broker's certificate; defaults to <see cref="Host"/>.</summary>
    public string? TlsServerName { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the gateway's queues are declared as quorum queues, which survive a broker
    /// crash without redelivering what was acknowledged (classic queues can). A queue's type cannot change in place:
    /// see docs/reliability.md for moving an existing classic deployment.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool QuorumQueues { get; set; } = true;
}
