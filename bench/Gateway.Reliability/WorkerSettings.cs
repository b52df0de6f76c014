namespace Gateway.Reliability;

/// <summary>What a generated worker configuration depends on.</summary>
internal sealed record WorkerSettings
{
    public required string Name { get; init; }

    /// <summary>Gets the instance the commands go to: <c>openim</c> or <c>tencent</c>.</summary>
    public required string Provider { get; init; }

    public required string ProviderBaseUrl { get; init; }

    public required int RabbitMqPort { get; init; }

    public required string VirtualHost { get; init; }

    /// <summary>Gets a value indicating whether the worker logs everything (the secrets audit): Trace for every category, JSON console lines with scopes.</summary>
    public bool Trace { get; init; }

    /// <summary>Gets the Redis configuration string; null: the shipped in-memory stores.</summary>
    public string? RedisConnectionString { get; init; }
}
