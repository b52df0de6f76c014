namespace Gateway.Core.Contracts;

/// <summary>The provider-neutral command to recall a message sent earlier (queue <c>revoke-message</c>).</summary>
public sealed record RevokeMessage
{
    /// <summary>Gets the caller's id for this revoke request (1..128 characters); also the idempotency key.</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the provider instance that sent the original message; <see langword="null"/> means the default.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets the conversation the original message was sent to.</summary>
    public required RevokeTarget Target { get; init; }

    /// <summary>Gets the original sender; <see langword="null"/> means the provider's admin account.</summary>
    public MessageSender? Sender { get; init; }

    /// <summary>Gets the key from the original <see cref="MessageDelivery.ProviderMessageKey"/>.</summary>
    public required string ProviderMessageKey { get; init; }
}
