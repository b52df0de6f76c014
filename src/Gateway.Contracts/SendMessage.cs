namespace Gateway.Core.Contracts;

/// <summary>
/// The provider-neutral command to send one message to one or more users or to one group.
/// It is both the bus contract (queue <c>send-message</c>) and the input of <c>IMessageGateway.SendAsync</c> (Gateway.Core).
/// </summary>
/// <remarks>
/// The wire form is camelCase JSON with enums as strings; see <c>docs/contracts.md</c>. Exactly one of
/// <see cref="To"/> and <see cref="GroupId"/> is set, and <see cref="Content"/> carries the object named by its type.
/// </remarks>
public sealed record SendMessage
{
    /// <summary>Gets the caller's id for this message (1..128 characters); also the idempotency key.</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the name of the configured provider instance to use; <see langword="null"/> means the default provider.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets who the message appears to come from; <see langword="null"/> means the provider's admin account.</summary>
    public MessageSender? Sender { get; init; }

    /// <summary>Gets the user ids to send to (distinct); mutually exclusive with <see cref="GroupId"/>.</summary>
    public IReadOnlyList<string>? To { get; init; }

    /// <summary>Gets the group to send to; mutually exclusive with <see cref="To"/>.</summary>
    public string? GroupId { get; init; }

    /// <summary>Gets the message content.</summary>
    public required MessageContent Content { get; init; }

    /// <summary>Gets the delivery options; <see langword="null"/> means the provider defaults.</summary>
    public MessageOptions? Options { get; init; }
}
