using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>TIMVideoFileElem</c> content.</summary>
internal sealed class VideoFileElemContent
{
    /// <summary>Gets the video URL (<c>VideoUrl</c>).</summary>
    [JsonPropertyName("VideoUrl")]
    public required string VideoUrl { get; init; }

    /// <summary>Gets the video cache key (<c>VideoUUID</c>).</summary>
    [JsonPropertyName("VideoUUID")]
    public string? VideoUuid { get; init; }

    /// <summary>Gets the video size in bytes (<c>VideoSize</c>).</summary>
    [JsonPropertyName("VideoSize")]
    public required long VideoSize { get; init; }

    /// <summary>Gets the duration in seconds (<c>VideoSecond</c>).</summary>
    [JsonPropertyName("VideoSecond")]
    public required int VideoSecond { get; init; }

    /// <summary>Gets the container, for example mp4 (<c>VideoFormat</c>).</summary>
    [JsonPropertyName("VideoFormat")]
    public required string VideoFormat { get; init; }

    /// <summary>Gets always 2 (<c>VideoDownloadFlag</c>).</summary>
    [JsonPropertyName("VideoDownloadFlag")]
    public required int VideoDownloadFlag { get; init; }

    /// <summary>Gets the thumbnail URL (<c>ThumbUrl</c>).</summary>
    [JsonPropertyName("ThumbUrl")]
    public required string ThumbUrl { get; init; }

    /// <summary>Gets the thumbnail cache key (<c>ThumbUUID</c>).</summary>
    [JsonPropertyName("ThumbUUID")]
    public string? ThumbUuid { get; init; }

    /// <summary>Gets the thumbnail size in bytes (<c>ThumbSize</c>).</summary>
    [JsonPropertyName("ThumbSize")]
    public required long ThumbSize { get; init; }

    /// <summary>Gets the thumbnail width (<c>ThumbWidth</c>).</summary>
    [JsonPropertyName("ThumbWidth")]
    public required int ThumbWidth { get; init; }

    /// <summary>Gets the thumbnail height (<c>ThumbHeight</c>).</summary>
    [JsonPropertyName("ThumbHeight")]
    public required int ThumbHeight { get; init; }

    /// <summary>Gets the thumbnail format, for example JPG (<c>ThumbFormat</c>).</summary>
    [JsonPropertyName("ThumbFormat")]
    public required string ThumbFormat { get; init; }

    /// <summary>Gets always 2 (<c>ThumbDownloadFlag</c>).</summary>
    [JsonPropertyName("ThumbDownloadFlag")]
    public required int ThumbDownloadFlag { get; init; }
}
