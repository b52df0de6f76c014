namespace Gateway.Core.Contracts;

/// <summary>An image, with its original and optional large and thumbnail renditions.</summary>
public sealed record ImageContent
{
    /// <summary>Gets the image format.</summary>
    public required ImageFormat Format { get; init; }

    /// <summary>Gets the original image; required.</summary>
    public required ImageVariant Original { get; init; }

    /// <summary>Gets the large rendition; providers that need one reuse <see cref="Original"/> when absent.</summary>
    public ImageVariant? Large { get; init; }

    /// <summary>Gets the thumbnail rendition; providers that need one reuse <see cref="Original"/> when absent.</summary>
    public ImageVariant? Thumbnail { get; init; }
}
