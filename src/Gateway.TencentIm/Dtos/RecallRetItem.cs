using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary>One <c>RecallRetList</c> item.</summary>
internal sealed class RecallRetItem
{
    /// <summary>Gets or sets the group MsgSeq (<c>MsgSeq</c>).</summary>
    [JsonPropertyName("MsgSeq")]
    public ulong MsgSeq { get; set; }

    /// <summary>Gets or sets 0 when recalled (<c>RetCode</c>).</summary>
    [JsonPropertyName("RetCode")]
    public int RetCode { get; set; }

    /// <summary>Gets or sets the message key (<c>MsgKey</c>).</summary>
    [JsonPropertyName("MsgKey")]
    public string? MsgKey { get; set; }
}
