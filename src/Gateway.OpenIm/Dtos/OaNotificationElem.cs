using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>1400 OA notification (sessionType 4): note <c>notificationFaceURL</c> (uppercase), required by v2.0.8.</summary>
internal sealed class OaNotificationElem
{
    [JsonPropertyName("notificationName")]
    public required string NotificationName { get; init; }

    [JsonPropertyName("notificationFaceURL")]
    public string? NotificationFaceUrl { get; init; }

    [JsonPropertyName("notificationType")]
    public required int NotificationType { get; init; }

    [JsonPropertyName("text")]
    public required string Text { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("mixType")]
    public int? MixType { get; init; }
}
