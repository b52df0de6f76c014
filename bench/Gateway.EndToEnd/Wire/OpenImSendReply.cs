using System.Text.Json.Serialization;

namespace Gateway.EndToEnd.Wire;

/// <summary>The answer to <c>send_msg</c>.</summary>
internal sealed class OpenImSendReply
{
    [JsonPropertyName("errCode")]
    public int ErrCode { get; set; }

    [JsonPropertyName("errMsg")]
    public string? ErrMsg { get; set; }

    [JsonPropertyName("data")]
    public OpenImSendData? Data { get; set; }
}
