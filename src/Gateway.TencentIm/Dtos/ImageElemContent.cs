using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>TIMImageElem</c> content.</summary>
internal sealed class ImageElemContent
{
    /// <summary>Gets the client cache key (<c>UUID</c>).</summary>
    [JsonPropertyName("UUID")]
    public string? Uuid { get; init; }

    /// <summary>Gets JPG 1, GIF 2, PNG 3, BMP 4, other 255 (<c>ImageFormat</c>).</summary>
    [JsonPropertyName("ImageFormat")]
    public required int ImageFormat { get; init; }

    /// <summary>Gets the variants (<c>ImageInfoArray</c>).</summary>
    [JsonPropertyName("ImageInfoArray")]
    public required IReadOnlyList<ImageInfo> ImageInfoArray { get; init; }
}
