namespace Gateway.Host.Messaging;

/// <summary>Settings of one command endpoint (<c>Messaging:SendMessage</c>, <c>Messaging:RevokeMessage</c>).</summary>
internal sealed class CommandEndpointOptions
{
    /// <summary>Gets or sets how many messages the broker delivers ahead of processing.</summary>
    public int PrefetchCount { get; set; }

    /// <summary>Gets or sets how many messages this process handles at once on the endpoint.</summary>
    public int ConcurrentMessageLimit { get; set; }
}
