using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>102 picture: all three renditions are needed, because their inner required fields are checked.</summary>
internal sealed class PictureElem
{
    [JsonPropertyName("sourcePicture")]
    public required PictureBaseInfo SourcePicture { get; init; }

    [JsonPropertyName("bigPicture")]
    public required PictureBaseInfo BigPicture { get; init; }

    [JsonPropertyName("snapshotPicture")]
    public required PictureBaseInfo SnapshotPicture { get; init; }
}
