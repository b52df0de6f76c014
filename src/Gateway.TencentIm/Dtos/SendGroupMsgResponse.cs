using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>v4/group_open_http_svc/send_group_msg</c> response.</summary>
internal sealed class SendGroupMsgResponse : ITencentImResponse
{
    /// <summary>Gets or sets <c>OK</c> or <c>FAIL</c> (<c>ActionStatus</c>).</summary>
    [JsonPropertyName("ActionStatus")]
    public string? ActionStatus { get; set; }

    /// <summary>Gets or sets the error code, 0 on success (<c>ErrorCode</c>).</summary>
    [JsonPropertyName("ErrorCode")]
    public int ErrorCode { get; set; }

    /// <summary>Gets or sets the error text (not a contract) (<c>ErrorInfo</c>).</summary>
    [JsonPropertyName("ErrorInfo")]
    public string? ErrorInfo { get; set; }

    /// <summary>Gets or sets the message time, unix seconds (<c>MsgTime</c>).</summary>
    [JsonPropertyName("MsgTime")]
    public long? MsgTime { get; set; }

    /// <summary>Gets or sets the group sequence, for recall (<c>MsgSeq</c>).</summary>
    [JsonPropertyName("MsgSeq")]
    public ulong? MsgSeq { get; set; }

    /// <summary>Gets or sets why frequency control dropped the message, if it did (<c>MsgDropReason</c>).</summary>
    [JsonPropertyName("MsgDropReason")]
    public string? MsgDropReason { get; set; }
}
