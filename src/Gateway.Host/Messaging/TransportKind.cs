namespace Gateway.Host.Messaging;

/// <summary>The bus transport.</summary>
internal enum TransportKind
{
    /// <summary>RabbitMQ (settings in the <c>RabbitMq</c> section).</summary>
    RabbitMq,

    /// <summary>An in-process bus: no broker, nothing survives the process.</summary>
    InMemory,
}
