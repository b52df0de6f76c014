using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>v3 <c>POST /msg/batch_send_msg</c>: <c>SendMsg</c> without <c>recvID</c>, plus <c>recvIDs</c>, which must always be an array.</summary>
internal sealed class BatchSendMsgRequest
{
    [JsonPropertyName("sendID")]
    public required string SendId { get; init; }

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

    [JsonPropertyName("sendTime")]
    public long? SendTime { get; init; }

    [JsonPropertyName("offlinePushInfo")]
    public OfflinePushInfo? OfflinePushInfo { get; init; }

    [JsonPropertyName("ex")]
    public string? Ex { get; init; }

    /// <summary>Gets the recipients; <c>binding:"required"</c> on a Go slice means it must never be null.</summary>
    [JsonPropertyName("recvIDs")]
    public required IReadOnlyList<string> RecvIds { get; init; }

    [JsonPropertyName("isSendAll")]
    public bool? IsSendAll { get; init; }
}
