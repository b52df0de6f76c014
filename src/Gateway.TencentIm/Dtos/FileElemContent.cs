using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>TIMFileElem</c> content.</summary>
internal sealed class FileElemContent
{
    /// <summary>Gets the download URL (<c>Url</c>).</summary>
    [JsonPropertyName("Url")]
    public required string Url { get; init; }

    /// <summary>Gets the client cache key (<c>UUID</c>).</summary>
    [JsonPropertyName("UUID")]
    public string? Uuid { get; init; }

    /// <summary>Gets the size in bytes (<c>FileSize</c>).</summary>
    [JsonPropertyName("FileSize")]
    public required long FileSize { get; init; }

    /// <summary>Gets the file name (<c>FileName</c>).</summary>
    [JsonPropertyName("FileName")]
    public required string FileName { get; init; }

    /// <summary>Gets always 2 (<c>Download_Flag</c>).</summary>
    [JsonPropertyName("Download_Flag")]
    public required int DownloadFlag { get; init; }
}
