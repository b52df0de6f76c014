namespace Gateway.Host.Messaging;

/// <summary>Settings of one receive endpoint.</summary>
internal sealed class EndpointOptions
{
    /// <summary>Gets or sets how many messages the broker delivers ahead of processing.</summary>
    public int PrefetchCount { get; set; }

    /// <summary>Gets or sets how many messages this process handles at once on the endpoint.</summary>
    public int ConcurrentMessageLimit { get; set; }
}
