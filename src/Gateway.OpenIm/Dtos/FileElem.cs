using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>105 file: <c>sourceUrl</c>, <c>fileName</c> and <c>fileSize</c> are enforced.</summary>
internal sealed class FileElem
{
    [JsonPropertyName("uuid")]
    public string? Uuid { get; init; }

    [JsonPropertyName("sourceUrl")]
    public required string SourceUrl { get; init; }

    [JsonPropertyName("fileName")]
    public required string FileName { get; init; }

    [JsonPropertyName("fileSize")]
    public required long FileSize { get; init; }
}
