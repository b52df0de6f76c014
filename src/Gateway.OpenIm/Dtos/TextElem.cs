using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>101 text on v3.3 and later: <c>{"content": "..."}</c>.</summary>
internal sealed class TextElem
{
    [JsonPropertyName("content")]
    public required string Content { get; init; }
}
