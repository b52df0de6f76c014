using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary>One <c>ErrorList</c> item.</summary>
internal sealed class BatchSendMsgError
{
    /// <summary>Gets or sets the recipient (<c>To_Account</c>).</summary>
    [JsonPropertyName("To_Account")]
    public string? ToAccount { get; set; }

    /// <summary>Gets or sets why it failed, for example 70107 (<c>ErrorCode</c>).</summary>
    [JsonPropertyName("ErrorCode")]
    public int ErrorCode { get; set; }
}
