using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>104 video: note <c>videoUUID</c>/<c>snapshotUUID</c> (uppercase) and <c>videoUrl</c>/<c>snapshotUrl</c> (lowercase <c>rl</c>).</summary>
internal sealed class VideoElem
{
    [JsonPropertyName("videoUUID")]
    public string? VideoUuid { get; init; }

    [JsonPropertyName("videoUrl")]
    public required string VideoUrl { get; init; }

    [JsonPropertyName("videoType")]
    public required string VideoType { get; init; }

    [JsonPropertyName("videoSize")]
    public required long VideoSize { get; init; }

    [JsonPropertyName("duration")]
    public required long Duration { get; init; }

    [JsonPropertyName("snapshotUUID")]
    public string? SnapshotUuid { get; init; }

    [JsonPropertyName("snapshotSize")]
    public required long SnapshotSize { get; init; }

    [JsonPropertyName("snapshotUrl")]
    public required string SnapshotUrl { get; init; }

    [JsonPropertyName("snapshotWidth")]
    public required int SnapshotWidth { get; init; }

    [JsonPropertyName("snapshotHeight")]
    public required int SnapshotHeight { get; init; }
}
