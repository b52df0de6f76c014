using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>106 @-text: <c>atUserList</c> must be present (ids, or <c>AtAllTag</c>), at most 1000 entries.</summary>
internal sealed class AtElem
{
    /// <summary>The id OpenIM uses in <c>atUserList</c> for "everyone".</summary>
    public const string AtAllTag = "AtAllTag";

    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("atUserList")]
    public required IReadOnlyList<string> AtUserList { get; init; }

    [JsonPropertyName("isAtSelf")]
    public required bool IsAtSelf { get; init; }
}
