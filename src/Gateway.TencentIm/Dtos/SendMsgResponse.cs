using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>v4/openim/sendmsg</c> response.</summary>
internal sealed class SendMsgResponse : ITencentImResponse
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

    /// <summary>Gets or sets the key for recall (<c>MsgKey</c>).</summary>
    [JsonPropertyName("MsgKey")]
    public string? MsgKey { get; set; }

    /// <summary>Gets or sets the client-side message id (<c>MsgId</c>).</summary>
    [JsonPropertyName("MsgId")]
    public string? MsgId { get; set; }
}
