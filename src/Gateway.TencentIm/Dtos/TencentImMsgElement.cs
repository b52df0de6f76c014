using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary>One <c>MsgBody</c> item: <c>{MsgType, MsgContent}</c>.</summary>
internal sealed class TencentImMsgElement
{
    /// <summary>Gets the element type, for example <c>TIMTextElem</c> (<c>MsgType</c>).</summary>
    [JsonPropertyName("MsgType")]
    public required string MsgType { get; init; }

    /// <summary>Gets the element content (one of the <c>*ElemContent</c> DTOs) (<c>MsgContent</c>).</summary>
    [JsonPropertyName("MsgContent")]
    public required object MsgContent { get; init; }
}
