namespace Gateway.Core.Contracts;

/// <summary>The apparent sender of a message.</summary>
public sealed record MessageSender
{
    /// <summary>Gets the sender's user id; <see langword="null"/> means the provider's admin account.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the nickname shown with the message (OpenIM only).</summary>
    public string? Nickname { get; init; }

    /// <summary>Gets the avatar URL shown with the message (OpenIM only).</summary>
    public string? FaceUrl { get; init; }

    /// <summary>Gets the sender platform id (OpenIM only); <see langword="null"/> means the admin platform.</summary>
    public int? PlatformId { get; init; }
}
