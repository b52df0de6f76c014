using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>v4/openim/sendmsg</c> request.</summary>
internal sealed class SendMsgRequest
{
    /// <summary>Gets 1 sync to the sender's devices, 2 do not; absent = stored in the sender's roaming (<c>SyncOtherMachine</c>).</summary>
    [JsonPropertyName("SyncOtherMachine")]
    public int? SyncOtherMachine { get; init; }

    /// <summary>Gets the sender; absent = the admin (<c>From_Account</c>).</summary>
    [JsonPropertyName("From_Account")]
    public string? FromAccount { get; init; }

    /// <summary>Gets the recipient (<c>To_Account</c>).</summary>
    [JsonPropertyName("To_Account")]
    public required string ToAccount { get; init; }

    /// <summary>Gets offline retention in seconds; 0 = online users only (<c>MsgLifeTime</c>).</summary>
    [JsonPropertyName("MsgLifeTime")]
    public int? MsgLifeTime { get; init; }

    /// <summary>Gets the caller-chosen sequence (always set, dedup) (<c>MsgSeq</c>).</summary>
    [JsonPropertyName("MsgSeq")]
    public required uint MsgSeq { get; init; }

    /// <summary>Gets the caller-chosen random (dedup) (<c>MsgRandom</c>).</summary>
    [JsonPropertyName("MsgRandom")]
    public required uint MsgRandom { get; init; }

    /// <summary>Gets the message time, unix seconds (history import) (<c>MsgTimeStamp</c>).</summary>
    [JsonPropertyName("MsgTimeStamp")]
    public long? MsgTimeStamp { get; init; }

    /// <summary>Gets the elements (<c>MsgBody</c>).</summary>
    [JsonPropertyName("MsgBody")]
    public required IReadOnlyList<TencentImMsgElement> MsgBody { get; init; }

    /// <summary>Gets custom data stored with the message (<c>CloudCustomData</c>).</summary>
    [JsonPropertyName("CloudCustomData")]
    public string? CloudCustomData { get; init; }

    /// <summary>Gets the offline push settings (<c>OfflinePushInfo</c>).</summary>
    [JsonPropertyName("OfflinePushInfo")]
    public OfflinePushInfo? OfflinePushInfo { get; init; }
}
