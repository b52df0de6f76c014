namespace Gateway.Core.Contracts;

/// <summary>A video with its thumbnail.</summary>
public sealed record VideoContent
{
    /// <summary>Gets the download URL; must not be empty.</summary>
    public required string Url { get; init; }

    /// <summary>Gets the container format, for example <c>mp4</c>; must not be empty.</summary>
    public required string Format { get; init; }

    /// <summary>Gets the size in bytes (at least 1).</summary>
    public required long Size { get; init; }

    /// <summary>Gets the duration in whole seconds (at least 1).</summary>
    public required int DurationSeconds { get; init; }

    /// <summary>Gets the storage id of the video, if the app tracks one.</summary>
    public string? Uuid { get; init; }

    /// <summary>Gets the thumbnail; required.</summary>
    public required VideoThumbnail Thumbnail { get; init; }
}
