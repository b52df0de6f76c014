namespace Gateway.Core.Contracts;

/// <summary>One recipient (or group) that got a message.</summary>
public sealed record MessageDelivery
{
    /// <summary>Gets the user id, or the group id for a group message.</summary>
    public required string Recipient { get; init; }

    /// <summary>
    /// Gets the provider's key for the message, needed to revoke it: Tencent <c>MsgKey</c> (one-to-one) or group
    /// <c>MsgSeq</c>; OpenIM <c>clientMsgID</c>.
    /// </summary>
    public string? ProviderMessageKey { get; init; }

    /// <summary>Gets when the provider accepted the message.</summary>
    public required DateTimeOffset SentAt { get; init; }
}
