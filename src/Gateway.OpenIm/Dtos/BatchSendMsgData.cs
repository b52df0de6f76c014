using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>The <c>data</c> of <c>batch_send_msg</c>: either list may be JSON null (meaning none).</summary>
internal sealed class BatchSendMsgData
{
    [JsonPropertyName("results")]
    public List<BatchSendResult?>? Results { get; set; }

    [JsonPropertyName("failedUserIDs")]
    public List<string?>? FailedUserIds { get; set; }
}
