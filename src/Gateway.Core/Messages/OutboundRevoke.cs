using Gateway.Core.Contracts;

namespace Gateway.Core.Messages;

/// <summary>A <see cref="RevokeMessage"/> that passed validation: what providers recall.</summary>
public sealed record OutboundRevoke
{
    /// <summary>Gets the revoke request's own id (its idempotency key).</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the original sender; <see langword="null"/> means the provider's admin account.</summary>
    public MessageSender? Sender { get; init; }

    /// <summary>Gets the conversation of the original message: one user (<see cref="UserRecipients"/> with one id) or one group.</summary>
    public required MessageRecipients Conversation { get; init; }

    /// <summary>Gets the provider's key of the message to recall (from its <see cref="MessageSent"/> event).</summary>
    public required string ProviderMessageKey { get; init; }
}
