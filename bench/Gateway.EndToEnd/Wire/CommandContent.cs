using System.Text.Json.Serialization;

namespace Gateway.EndToEnd.Wire;

/// <summary><c>content</c> of a command: its <c>type</c> and, for text, the <c>text</c> object.</summary>
public sealed record CommandContent
{
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("text")]
    public CommandText? Text { get; init; }
}
