using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>One picture rendition: <c>type</c>, <c>width</c>, <c>height</c> and <c>url</c> are enforced by the server.</summary>
internal sealed class PictureBaseInfo
{
    [JsonPropertyName("uuid")]
    public string? Uuid { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("size")]
    public required long Size { get; init; }

    [JsonPropertyName("width")]
    public required int Width { get; init; }

    [JsonPropertyName("height")]
    public required int Height { get; init; }

    [JsonPropertyName("url")]
    public required string Url { get; init; }
}
