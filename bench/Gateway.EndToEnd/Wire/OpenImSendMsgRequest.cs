using System.Text.Json.Serialization;

namespace Gateway.EndToEnd.Wire;

/// <summary>OpenIM v3 <c>POST /msg/send_msg</c>, the same shape the gateway sends for a text to one user.</summary>
internal sealed class OpenImSendMsgRequest
{
    [JsonPropertyName("sendID")]
    public required string SendId { get; init; }

    [JsonPropertyName("recvID")]
    public required string RecvId { get; init; }

    [JsonPropertyName("senderPlatformID")]
    public required int SenderPlatformId { get; init; }

    [JsonPropertyName("content")]
    public required OpenImTextElem Content { get; init; }

    [JsonPropertyName("contentType")]
    public required int ContentType { get; init; }

    [JsonPropertyName("sessionType")]
    public required int SessionType { get; init; }

    [JsonPropertyName("ex")]
    public string? Ex { get; init; }
}
