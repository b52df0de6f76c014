using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>One delivered recipient of <c>batch_send_msg</c> (<c>SingleReturnResult</c>).</summary>
internal sealed class BatchSendResult
{
    [JsonPropertyName("serverMsgID")]
    public string? ServerMsgId { get; set; }

    [JsonPropertyName("clientMsgID")]
    public string? ClientMsgId { get; set; }

    [JsonPropertyName("sendTime")]
    public long? SendTime { get; set; }

    [JsonPropertyName("recvID")]
    public string? RecvId { get; set; }
}
