using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>OfflinePushInfo.AndroidInfo</c>.</summary>
internal sealed class AndroidInfo
{
    /// <summary>Gets the sound (<c>Sound</c>).</summary>
    [JsonPropertyName("Sound")]
    public string? Sound { get; init; }
}
