using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>TIMTextElem</c> content.</summary>
internal sealed class TextElemContent
{
    /// <summary>Gets the text (<c>Text</c>).</summary>
    [JsonPropertyName("Text")]
    public required string Text { get; init; }
}
