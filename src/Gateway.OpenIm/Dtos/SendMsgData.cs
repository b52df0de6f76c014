using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>The <c>data</c> of a successful send (v2: each key may be missing, they are <c>omitempty</c>).</summary>
internal sealed class SendMsgData
{
    [JsonPropertyName("serverMsgID")]
    public string? ServerMsgId { get; set; }

    [JsonPropertyName("clientMsgID")]
    public string? ClientMsgId { get; set; }

    /// <summary>Gets or sets the message time in Unix milliseconds.</summary>
    [JsonPropertyName("sendTime")]
    public long? SendTime { get; set; }
}
