using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>TIMSoundElem</c> content (note <c>Url</c> casing).</summary>
internal sealed class SoundElemContent
{
    /// <summary>Gets the download URL (<c>Url</c>).</summary>
    [JsonPropertyName("Url")]
    public required string Url { get; init; }

    /// <summary>Gets the client cache key (<c>UUID</c>).</summary>
    [JsonPropertyName("UUID")]
    public string? Uuid { get; init; }

    /// <summary>Gets the size in bytes (<c>Size</c>).</summary>
    [JsonPropertyName("Size")]
    public required long Size { get; init; }

    /// <summary>Gets the duration in seconds (<c>Second</c>).</summary>
    [JsonPropertyName("Second")]
    public required int Second { get; init; }

    /// <summary>Gets always 2 (download from <c>Url</c>) (<c>Download_Flag</c>).</summary>
    [JsonPropertyName("Download_Flag")]
    public required int DownloadFlag { get; init; }
}
