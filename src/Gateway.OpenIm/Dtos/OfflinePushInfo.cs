using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary><c>offlinePushInfo</c> (sdkws <c>OfflinePushInfo</c>): note the <c>iOS</c> spellings.</summary>
internal sealed class OfflinePushInfo
{
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("desc")]
    public string? Desc { get; init; }

    [JsonPropertyName("ex")]
    public string? Ex { get; init; }

    [JsonPropertyName("iOSPushSound")]
    public string? IosPushSound { get; init; }

    [JsonPropertyName("iOSBadgeCount")]
    public bool? IosBadgeCount { get; init; }
}
