namespace Gateway.Core.Contracts;

/// <summary>Event: at least one recipient got the message. Partial failures are listed per recipient.</summary>
public sealed record MessageSent
{
    /// <summary>Gets the id of the <see cref="SendMessage"/> command.</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the provider instance that sent it.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets one entry per recipient (or the group) that got the message.</summary>
    public required IReadOnlyList<MessageDelivery> Deliveries { get; init; }

    /// <summary>Gets the recipients that did not get the message, each with its error.</summary>
    public IReadOnlyList<FailedRecipient> FailedRecipients { get; init; } = [];

    /// <summary>Gets the set options the provider could not honour, as field paths (for example <c>options.lifetimeSeconds</c>).</summary>
    public IReadOnlyList<string> IgnoredOptions { get; init; } = [];

    /// <summary>Gets a value indicating whether this outcome was stored from an earlier send of the same message id (nothing was sent again).</summary>
    public bool Duplicate { get; init; }
}
