using System.Text.Json.Serialization;

namespace Gateway.EndToEnd.Wire;

/// <summary><c>content.text</c>.</summary>
public sealed record CommandText
{
    [JsonPropertyName("text")]
    public required string Text { get; init; }
}
