using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>v4/group_open_http_svc/group_msg_recall</c> response.</summary>
internal sealed class GroupMsgRecallResponse : ITencentImResponse
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

    /// <summary>Gets or sets the per-message results (<c>RecallRetList</c>).</summary>
    [JsonPropertyName("RecallRetList")]
    public IReadOnlyList<RecallRetItem>? RecallRetList { get; set; }
}
