namespace Gateway.Core.Contracts;

/// <summary>
/// Delivery options. A provider that cannot honour a set option ignores it and lists it in
/// <see cref="MessageSent.IgnoredOptions"/>, unless the provider instance is <c>Strict</c>, where the message is rejected.
/// </summary>
public sealed record MessageOptions
{
    /// <summary>Gets a value indicating whether only online recipients get the message (nothing stored offline).</summary>
    public bool OnlineOnly { get; init; }

    /// <summary>Gets how long the message is kept for offline recipients, 0..604800 seconds (Tencent only).</summary>
    public int? LifetimeSeconds { get; init; }

    /// <summary>Gets whether the message is synced to the sender's other devices (Tencent only).</summary>
    public bool? SyncToSender { get; init; }

    /// <summary>Gets the offline push settings.</summary>
    public OfflinePushOptions? OfflinePush { get; init; }

    /// <summary>Gets the message time to record, for importing history; <see langword="null"/> means now.</summary>
    public DateTimeOffset? SendTime { get; init; }

    /// <summary>Gets an extension string, opaque to the gateway (OpenIM <c>ex</c>, Tencent <c>CloudCustomData</c>).</summary>
    public string? Extension { get; init; }

    /// <summary>Gets the message priority (Tencent groups only).</summary>
    public MessagePriority? Priority { get; init; }
}
