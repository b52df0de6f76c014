namespace Gateway.Core.Contracts;

/// <summary>One rendition of an image.</summary>
public sealed record ImageVariant
{
    /// <summary>Gets the download URL; must not be empty.</summary>
    public required string Url { get; init; }

    /// <summary>Gets the width in pixels (at least 1).</summary>
    public required int Width { get; init; }

    /// <summary>Gets the height in pixels (at least 1).</summary>
    public required int Height { get; init; }

    /// <summary>Gets the size in bytes (at least 0).</summary>
    public long Size { get; init; }

    /// <summary>Gets the storage id of the rendition, if the app tracks one.</summary>
    public string? Uuid { get; init; }
}
