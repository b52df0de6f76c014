namespace Gateway.Host.Messaging;

/// <summary>How the worker talks to the bus (configuration section <c>Messaging</c>).</summary>
internal sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>Gets or sets the transport: <c>RabbitMq</c> (default) or <c>InMemory</c> (one process only).</summary>
    public TransportKind Transport { get; set; } = TransportKind.RabbitMq;

    /// <summary>Gets the <c>send-message</c> endpoint settings.</summary>
    public EndpointOptions SendMessage { get; } = new() { PrefetchCount = 32, ConcurrentMessageLimit = 16 };

    /// <summary>Gets the <c>revoke-message</c> endpoint settings.</summary>
    public EndpointOptions RevokeMessage { get; } = new() { PrefetchCount = 16, ConcurrentMessageLimit = 8 };

    /// <summary>Gets the retry policy for transient provider failures.</summary>
    public RetryOptions Retry { get; } = new();

    /// <summary>Gets or sets how long the bus may take to connect at startup before the host fails.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how long in-flight sends may take to finish on shutdown; the rest return to the queue.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The bus transport.</summary>
internal enum TransportKind
{
    /// <summary>RabbitMQ (settings in the <c>RabbitMq</c> section).</summary>
    RabbitMq,

    /// <summary>An in-process bus: no broker, nothing survives the process.</summary>
    InMemory,
}

/// <summary>Settings of one receive endpoint.</summary>
internal sealed class EndpointOptions
{
    /// <summary>Gets or sets how many messages the broker delivers ahead of processing.</summary>
    public int PrefetchCount { get; set; }

    /// <summary>Gets or sets how many messages this process handles at once on the endpoint.</summary>
    public int ConcurrentMessageLimit { get; set; }
}

/// <summary>
/// Bounded exponential retry of transient provider failures. After <see cref="Limit"/> retries the command goes to the
/// endpoint's <c>_error</c> queue and a failure event with <c>transient: true</c> is published.
/// </summary>
internal sealed class RetryOptions
{
    /// <summary>Gets or sets how many times a transient failure is retried (0 = never).</summary>
    public int Limit { get; set; } = 5;

    /// <summary>Gets or sets the first retry interval.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest retry interval.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the exponential step between intervals.</summary>
    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the longest wait honoured when a provider answers with a retry-after time.</summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(60);
}
