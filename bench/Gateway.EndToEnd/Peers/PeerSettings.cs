namespace Gateway.EndToEnd.Peers;

/// <summary>What a peer consumer process is told on its command line.</summary>
internal sealed record PeerSettings
{
    public required int RabbitMqPort { get; init; }

    public required string VirtualHost { get; init; }

    public required Uri ProviderUrl { get; init; }

    public required ushort PrefetchCount { get; init; }

    public required ushort ConcurrentMessageLimit { get; init; }
}
