namespace Gateway.Core.Contracts;

/// <summary>The still image shown for a video.</summary>
public sealed record VideoThumbnail
{
    /// <summary>Gets the download URL; must not be empty.</summary>
    public required string Url { get; init; }

    /// <summary>Gets the width in pixels (at least 1).</summary>
    public required int Width { get; init; }

    /// <summary>Gets the height in pixels (at least 1).</summary>
    public required int Height { get; init; }

    /// <summary>Gets the size in bytes (at least 0).</summary>
    public long Size { get; init; }

    /// <summary>Gets the image format, for example <c>jpg</c>; must not be empty.</summary>
    public required string Format { get; init; }

    /// <summary>Gets the storage id of the thumbnail, if the app tracks one.</summary>
    public string? Uuid { get; init; }
}
