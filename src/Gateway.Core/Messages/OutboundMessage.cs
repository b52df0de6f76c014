using Gateway.Core.Contracts;

namespace Gateway.Core.Messages;

/// <summary>
/// A <see cref="SendMessage"/> that passed validation: what providers send. <see cref="Recipients"/> is either users
/// or one group; <see cref="Content"/> has exactly the object its type names (match on it: <c>{ Text: { } text }</c>);
/// <see cref="Options"/> is never null.
/// </summary>
public sealed record OutboundMessage
{
    private static readonly MessageOptions NoOptions = new();
    private readonly MessageOptions _options = NoOptions;

    /// <summary>Gets the command's id (1..128 characters): the idempotency key and the source of provider dedup values.</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets who the message appears to come from; <see langword="null"/> means the provider's admin account.</summary>
    public MessageSender? Sender { get; init; }

    /// <summary>Gets who the message goes to.</summary>
    public required MessageRecipients Recipients { get; init; }

    /// <summary>Gets the content, with exactly the object <see cref="MessageContent.Type"/> names.</summary>
    public required MessageContent Content { get; init; }

    /// <summary>Gets the delivery options (empty when the command set none).</summary>
    public MessageOptions Options
    {
        get => _options;
        init => _options = value ?? NoOptions;
    }
}
