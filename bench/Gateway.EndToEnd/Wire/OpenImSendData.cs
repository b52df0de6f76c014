using System.Text.Json.Serialization;

namespace Gateway.EndToEnd.Wire;

/// <summary><c>data</c> of the send answer.</summary>
internal sealed class OpenImSendData
{
    [JsonPropertyName("serverMsgID")]
    public string? ServerMsgId { get; set; }

    [JsonPropertyName("clientMsgID")]
    public string? ClientMsgId { get; set; }

    [JsonPropertyName("sendTime")]
    public long? SendTime { get; set; }
}
