using Gateway.Core.Contracts;
using Gateway.Core.Messages;

namespace Gateway.Core.Providers;

/// <summary>
/// What a provider instance can send, and its own rules. The gateway checks every message against it in one step
/// before any network call: unsupported content or recipients and broken rules are <c>InvalidMessage</c>; unsupported
/// options are ignored and reported (or rejected on a strict instance).
/// </summary>
public sealed record ProviderCapabilities
{
    /// <summary>Gets the content types the provider can send.</summary>
    public required IReadOnlySet<ContentType> ContentTypes { get; init; }

    /// <summary>Gets who the provider can address.</summary>
    public required RecipientKinds RecipientKinds { get; init; }

    /// <summary>Gets how many users one provider call reaches; larger sends are split by the provider.</summary>
    /// <value>The default is 1.</value>
    public int MaxRecipientsPerCall { get; init; } = 1;

    /// <summary>Gets the longest user or group id the provider accepts, in UTF-8 bytes, or <see langword="null"/> for no limit.</summary>
    public int? MaxIdBytes { get; init; }

    /// <summary>Gets the optional fields the provider honours for a message to one user.</summary>
    public OptionalFields SupportedFields { get; init; }

    /// <summary>Gets the optional fields honoured for a message to several users, when fewer than <see cref="SupportedFields"/>.</summary>
    /// <value>The default, <see langword="null"/>, means the same as <see cref="SupportedFields"/>.</value>
    public OptionalFields? SupportedFieldsForSeveralUsers { get; init; }

    /// <summary>Gets the optional fields honoured for a group message, when they differ from <see cref="SupportedFields"/>.</summary>
    /// <value>The default, <see langword="null"/>, means the same as <see cref="SupportedFields"/>.</value>
    public OptionalFields? SupportedFieldsForGroups { get; init; }

    /// <summary>Gets who the provider can revoke messages for; <see cref="RecipientKinds.None"/> means it cannot revoke.</summary>
    public RecipientKinds Revoke { get; init; }

    /// <summary>Gets the provider's own send rules beyond the declared limits, or <see langword="null"/> for none.</summary>
    public ProviderRule<OutboundMessage>? MessageRules { get; init; }

    /// <summary>Gets the provider's own revoke rules beyond <see cref="Revoke"/>, or <see langword="null"/> for none.</summary>
    public ProviderRule<OutboundRevoke>? RevokeRules { get; init; }

    /// <summary>Gets the optional fields honoured for a message addressed like <paramref name="message"/>.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The fields.</returns>
    public OptionalFields SupportedFieldsFor(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Recipients switch
        {
            GroupRecipient => SupportedFieldsForGroups ?? SupportedFields,
            UserRecipients { UserIds.Count: > 1 } => SupportedFieldsForSeveralUsers ?? SupportedFields,
            _ => SupportedFields,
        };
    }
}
