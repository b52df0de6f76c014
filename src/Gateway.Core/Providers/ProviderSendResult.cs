using Gateway.Core.Contracts;

namespace Gateway.Core.Providers;

/// <summary>The per-recipient result of a send that the provider accepted at least in part.</summary>
public sealed record ProviderSendResult
{
    /// <summary>Gets the recipients (or the group) that got the message.</summary>
    public required IReadOnlyList<MessageDelivery> Deliveries { get; init; }

    /// <summary>Gets the recipients that did not get it.</summary>
    public IReadOnlyList<FailedRecipient> FailedRecipients { get; init; } = [];
}
