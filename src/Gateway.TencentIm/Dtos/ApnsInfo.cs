using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>OfflinePushInfo.ApnsInfo</c>.</summary>
internal sealed class ApnsInfo
{
    /// <summary>Gets the sound (<c>Sound</c>).</summary>
    [JsonPropertyName("Sound")]
    public string? Sound { get; init; }

    /// <summary>Gets 0 counts toward the badge, 1 does not (<c>BadgeMode</c>).</summary>
    [JsonPropertyName("BadgeMode")]
    public int? BadgeMode { get; init; }
}
