using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>103 voice: <c>sourceUrl</c> (lowercase <c>rl</c>) and <c>duration</c> (≥ 1) are enforced.</summary>
internal sealed class SoundElem
{
    [JsonPropertyName("uuid")]
    public string? Uuid { get; init; }

    [JsonPropertyName("sourceUrl")]
    public required string SourceUrl { get; init; }

    [JsonPropertyName("dataSize")]
    public required long DataSize { get; init; }

    [JsonPropertyName("duration")]
    public required long Duration { get; init; }
}
