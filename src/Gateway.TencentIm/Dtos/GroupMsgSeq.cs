using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary>One <c>MsgSeqList</c> item.</summary>
internal sealed class GroupMsgSeq
{
    /// <summary>Gets the group MsgSeq (<c>MsgSeq</c>).</summary>
    [JsonPropertyName("MsgSeq")]
    public required ulong MsgSeq { get; init; }
}
