using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary>One <c>ImageInfoArray</c> item (note the uppercase <c>URL</c>).</summary>
internal sealed class ImageInfo
{
    /// <summary>Gets 1 original, 2 large, 3 thumbnail (<c>Type</c>).</summary>
    [JsonPropertyName("Type")]
    public required int Type { get; init; }

    /// <summary>Gets the size in bytes (<c>Size</c>).</summary>
    [JsonPropertyName("Size")]
    public required long Size { get; init; }

    /// <summary>Gets the width (<c>Width</c>).</summary>
    [JsonPropertyName("Width")]
    public required int Width { get; init; }

    /// <summary>Gets the height (<c>Height</c>).</summary>
    [JsonPropertyName("Height")]
    public required int Height { get; init; }

    /// <summary>Gets the download URL (<c>URL</c>).</summary>
    [JsonPropertyName("URL")]
    public required string Url { get; init; }
}
