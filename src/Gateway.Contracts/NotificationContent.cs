namespace Gateway.Core.Contracts;

/// <summary>A system notification to users (an "official account" message); users only.</summary>
public sealed record NotificationContent
{
    /// <summary>Gets the notification title (the notification account's name); must not be empty.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the notification text; must not be empty.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the app-defined notification type (at least 1).</summary>
    public required int Type { get; init; }

    /// <summary>Gets the avatar URL of the notification.</summary>
    public string? FaceUrl { get; init; }

    /// <summary>Gets a link opened from the notification.</summary>
    public string? Url { get; init; }

    /// <summary>Gets the OpenIM mix type (0..5): which attachment the notification carries.</summary>
    public int? MixType { get; init; }
}
