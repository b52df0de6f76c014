namespace Gateway.EndToEnd.Driver;

/// <summary>The consumers compared, each run as its own process.</summary>
internal enum ConsumerKind
{
    /// <summary>Hand-written RabbitMQ.Client 7 async consumer.</summary>
    Raw,

    /// <summary>Hand-written minimal MassTransit 8.5 consumer.</summary>
    MassTransit,

    /// <summary>The real worker, <c>Gateway.Host run</c>.</summary>
    Gateway,
}
