using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>v4/group_open_http_svc/group_msg_recall</c> request.</summary>
internal sealed class GroupMsgRecallRequest
{
    /// <summary>Gets the group (<c>GroupId</c>).</summary>
    [JsonPropertyName("GroupId")]
    public required string GroupId { get; init; }

    /// <summary>Gets the messages (at most 10) (<c>MsgSeqList</c>).</summary>
    [JsonPropertyName("MsgSeqList")]
    public required IReadOnlyList<GroupMsgSeq> MsgSeqList { get; init; }
}
