namespace Gateway.Core.Contracts;

/// <summary>Event: the message was recalled (or had been already).</summary>
public sealed record MessageRevoked
{
    /// <summary>Gets the id of the <see cref="RevokeMessage"/> command.</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the provider instance that recalled it.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the key of the recalled message.</summary>
    public required string ProviderMessageKey { get; init; }

    /// <summary>Gets when the gateway saw the recall succeed.</summary>
    public required DateTimeOffset RevokedAt { get; init; }

    /// <summary>Gets a value indicating whether this outcome was stored from an earlier revoke with the same id.</summary>
    public bool Duplicate { get; init; }
}
