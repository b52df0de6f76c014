using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>OfflinePushInfo</c>.</summary>
internal sealed class OfflinePushInfo
{
    /// <summary>Gets 0 push, 1 no offline push (<c>PushFlag</c>).</summary>
    [JsonPropertyName("PushFlag")]
    public required int PushFlag { get; init; }

    /// <summary>Gets the push title (<c>Title</c>).</summary>
    [JsonPropertyName("Title")]
    public string? Title { get; init; }

    /// <summary>Gets the push text (<c>Desc</c>).</summary>
    [JsonPropertyName("Desc")]
    public string? Desc { get; init; }

    /// <summary>Gets the pass-through extension (JSON text) (<c>Ext</c>).</summary>
    [JsonPropertyName("Ext")]
    public string? Ext { get; init; }

    /// <summary>Gets the iOS settings (<c>ApnsInfo</c>).</summary>
    [JsonPropertyName("ApnsInfo")]
    public ApnsInfo? ApnsInfo { get; init; }

    /// <summary>Gets the Android settings (<c>AndroidInfo</c>).</summary>
    [JsonPropertyName("AndroidInfo")]
    public AndroidInfo? AndroidInfo { get; init; }
}
