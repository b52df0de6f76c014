using System.Text.Json.Serialization;

namespace Gateway.EndToEnd.Wire;

/// <summary>OpenIM text element (content type 101).</summary>
internal sealed class OpenImTextElem
{
    [JsonPropertyName("content")]
    public required string Content { get; init; }
}
