using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>101 text on v2 (and v3.0–v3.2): <c>{"text": "..."}</c>; must be a JSON string.</summary>
internal sealed class TextElemV2
{
    [JsonPropertyName("text")]
    public required string Text { get; init; }
}
