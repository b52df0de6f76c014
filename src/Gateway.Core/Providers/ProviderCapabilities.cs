using Gateway.Core.Contracts;

namespace Gateway.Core.Providers;

/// <summary>What a provider instance can send; the gateway checks every message against it before any network call.</summary>
public sealed record ProviderCapabilities
{
    /// <summary>Gets the content types the provider can send.</summary>
    public required IReadOnlySet<ContentType> ContentTypes { get; init; }

    /// <summary>Gets who the provider can address.</summary>
    public required RecipientKinds RecipientKinds { get; init; }

    /// <summary>Gets how many users one provider call reaches; larger sends are split by the provider.</summary>
    /// <value>The default is 1.</value>
    public int MaxRecipientsPerCall { get; init; } = 1;

    /// <summary>Gets the budget, in bytes, for the serialized message body, or <see langword="null"/> for none.</summary>
    public int? MaxBodyBytes { get; init; }

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

    /// <summary>Gets the optional fields honoured for a message addressed like <paramref name="message"/>.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The fields.</returns>
    public OptionalFields SupportedFieldsFor(SendMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.GroupId is not null ? SupportedFieldsForGroups ?? SupportedFields
            : message.To is { Count: > 1 } ? SupportedFieldsForSeveralUsers ?? SupportedFields
            : SupportedFields;
    }

    /// <summary>Gets who the provider can revoke messages for; <see cref="RecipientKinds.None"/> means it cannot revoke.</summary>
    public RecipientKinds Revoke { get; init; }
}
