namespace Gateway.Host.Messaging;

/// <summary>How the worker talks to the bus (configuration section <c>Messaging</c>).</summary>
internal sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Gets or sets the transport: <c>RabbitMq</c> (default) or <c>InMemory</c> (one process only).</summary>
    public TransportKind Transport { get; set; } = TransportKind.RabbitMq;

    /// <summary>Gets the <c>send-message</c> endpoint settings.</summary>
    public CommandEndpointOptions SendMessage { get; } = new() { PrefetchCount = 32, ConcurrentMessageLimit = 16 };

    /// <summary>Gets the <c>revoke-message</c> endpoint settings.</summary>
    public CommandEndpointOptions RevokeMessage { get; } = new() { PrefetchCount = 16, ConcurrentMessageLimit = 8 };

    /// <summary>The default of <see cref="MaxCommandBytes"/>: 2 MiB, room for 10,000 recipients of 128 characters.</summary>
    public const int DefaultMaxCommandBytes = 2 * 1024 * 1024;

    /// <summary>
    /// Gets or sets the largest command body, in bytes, a command endpoint reads. A larger one is moved to the error
    /// queue before it is parsed, with a reason naming this key.
    /// </summary>
    /// <value>The default is 2 MiB (<see cref="DefaultMaxCommandBytes"/>).</value>
    public int MaxCommandBytes { get; set; } = DefaultMaxCommandBytes;

    /// <summary>Gets the quick in-process retries of transient failures.</summary>
    public BusRetryOptions Retry { get; } = new();

    /// <summary>Gets the delayed redelivery of transient failures that outlast the in-process retries.</summary>
    public RedeliveryOptions Redelivery { get; } = new();

    /// <summary>Gets how outcome events are published.</summary>
    public EventOptions Events { get; } = new();

    /// <summary>Gets or sets how long the bus may take to connect at startup before the host fails.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how long in-flight sends may take to finish on shutdown; the rest return to the queue.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
