using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>v4/openim/batchsendmsg</c> response.</summary>
internal sealed class BatchSendMsgResponse : ITencentImResponse
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

    /// <summary>Gets or sets the one key of the batch (<c>MsgKey</c>).</summary>
    [JsonPropertyName("MsgKey")]
    public string? MsgKey { get; set; }

    /// <summary>Gets or sets the client-side message id (<c>MsgId</c>).</summary>
    [JsonPropertyName("MsgId")]
    public string? MsgId { get; set; }

    /// <summary>Gets or sets the message time, if given (<c>MsgTime</c>).</summary>
    [JsonPropertyName("MsgTime")]
    public long? MsgTime { get; set; }

    /// <summary>Gets or sets the recipients that failed; may be missing (<c>ErrorList</c>).</summary>
    [JsonPropertyName("ErrorList")]
    public IReadOnlyList<BatchSendMsgError>? ErrorList { get; set; }
}
