using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>
/// v3 <c>POST /msg/send_msg</c> and v2 <c>POST /manager/send_msg</c>. <c>content</c> is one of the element DTOs
/// (serialized by its runtime type). Optional fields are omitted when null; v3 ignores <c>operationID</c> in the body,
/// so it is only set for v2.
/// </summary>
internal sealed class SendMsgRequest
{
    [JsonPropertyName("operationID")]
    public string? OperationId { get; set; }

    [JsonPropertyName("sendID")]
    public required string SendId { get; init; }

    [JsonPropertyName("recvID")]
    public string? RecvId { get; init; }

    [JsonPropertyName("groupID")]
    public string? GroupId { get; init; }

    [JsonPropertyName("senderNickname")]
    public string? SenderNickname { get; init; }

    [JsonPropertyName("senderFaceURL")]
    public string? SenderFaceUrl { get; init; }

    [JsonPropertyName("senderPlatformID")]
    public required int SenderPlatformId { get; init; }

    [JsonPropertyName("content")]
    public required object Content { get; init; }

    [JsonPropertyName("contentType")]
    public required int ContentType { get; init; }

    [JsonPropertyName("sessionType")]
    public required int SessionType { get; init; }

    [JsonPropertyName("isOnlineOnly")]
    public bool? IsOnlineOnly { get; init; }

    [JsonPropertyName("notOfflinePush")]
    public bool? NotOfflinePush { get; init; }

    /// <summary>Gets the message time in Unix milliseconds (imports); omitted means the server's time.</summary>
    [JsonPropertyName("sendTime")]
    public long? SendTime { get; init; }

    [JsonPropertyName("offlinePushInfo")]
    public OfflinePushInfo? OfflinePushInfo { get; init; }

    [JsonPropertyName("ex")]
    public string? Ex { get; init; }
}
