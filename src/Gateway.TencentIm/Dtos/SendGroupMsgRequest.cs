using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>v4/group_open_http_svc/send_group_msg</c> request.</summary>
internal sealed class SendGroupMsgRequest
{
    /// <summary>Gets the group (<c>GroupId</c>).</summary>
    [JsonPropertyName("GroupId")]
    public required string GroupId { get; init; }

    /// <summary>Gets the dedup random (<c>Random</c>).</summary>
    [JsonPropertyName("Random")]
    public required uint Random { get; init; }

    /// <summary>Gets High, Normal, Low or Lowest (<c>MsgPriority</c>).</summary>
    [JsonPropertyName("MsgPriority")]
    public string? MsgPriority { get; init; }

    /// <summary>Gets the elements (<c>MsgBody</c>).</summary>
    [JsonPropertyName("MsgBody")]
    public required IReadOnlyList<TencentImMsgElement> MsgBody { get; init; }

    /// <summary>Gets the sender; absent = the admin (<c>From_Account</c>).</summary>
    [JsonPropertyName("From_Account")]
    public string? FromAccount { get; init; }

    /// <summary>Gets the offline push settings (<c>OfflinePushInfo</c>).</summary>
    [JsonPropertyName("OfflinePushInfo")]
    public OfflinePushInfo? OfflinePushInfo { get; init; }

    /// <summary>Gets 1 = online members only (<c>OnlineOnlyFlag</c>).</summary>
    [JsonPropertyName("OnlineOnlyFlag")]
    public int? OnlineOnlyFlag { get; init; }

    /// <summary>Gets custom data stored with the message (<c>CloudCustomData</c>).</summary>
    [JsonPropertyName("CloudCustomData")]
    public string? CloudCustomData { get; init; }

    /// <summary>Gets the mentions (<c>GroupAtInfo</c>).</summary>
    [JsonPropertyName("GroupAtInfo")]
    public IReadOnlyList<GroupAtInfo>? GroupAtInfo { get; init; }
}
