namespace Gateway.Sandbox.OpenIm;

/// <summary>A message the emulator accepted, as the server would store it.</summary>
public sealed record OpenImEmulatedMessage
{
    /// <summary>Gets the server-generated client message id (shared by all recipients of one batch call).</summary>
    public required string ClientMsgId { get; init; }

    /// <summary>Gets the server message id (one per recipient).</summary>
    public required string ServerMsgId { get; init; }

    /// <summary>Gets the <c>operationID</c> of the request (header on v3, body on v2).</summary>
    public required string OperationId { get; init; }

    /// <summary>Gets the sender.</summary>
    public required string SendId { get; init; }

    /// <summary>Gets the recipient user, for sessionType 1 and 4.</summary>
    public string? RecvId { get; init; }

    /// <summary>Gets the group, for group messages.</summary>
    public string? GroupId { get; init; }

    /// <summary>Gets the session type as stored (1400 is forced to 4).</summary>
    public required int SessionType { get; init; }

    /// <summary>Gets the content type.</summary>
    public required int ContentType { get; init; }

    /// <summary>
    /// Gets the stored content: the request's <c>content</c> object re-serialized with sorted keys (v3), wrapped as
    /// <c>{"detail": ...}</c> for 1400; on v2 the raw text for 101, the raw id for 111, and empty for 104 (the v2.0.8 bug).
    /// </summary>
    public required string Content { get; init; }

    /// <summary>Gets the message time in Unix milliseconds.</summary>
    public required long SendTime { get; init; }

    /// <summary>Gets the sender platform id as sent.</summary>
    public int SenderPlatformId { get; init; }

    /// <summary>Gets the sender nickname as sent.</summary>
    public string? SenderNickname { get; init; }

    /// <summary>Gets the sender avatar as sent.</summary>
    public string? SenderFaceUrl { get; init; }

    /// <summary>Gets a value indicating whether the message was online-only.</summary>
    public bool IsOnlineOnly { get; init; }

    /// <summary>Gets a value indicating whether offline push was turned off (v3).</summary>
    public bool NotOfflinePush { get; init; }

    /// <summary>Gets the <c>ex</c> string (v3 <c>ex</c>).</summary>
    public string? Extension { get; init; }

    /// <summary>Gets the <c>offlinePushInfo</c> object as JSON text, if sent.</summary>
    public string? OfflinePushInfo { get; init; }
}
