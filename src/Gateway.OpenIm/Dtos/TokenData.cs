using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>The <c>data</c> of a token answer: v3 gives a duration, v2 an absolute Unix time.</summary>
internal sealed class TokenData
{
    [JsonPropertyName("token")]
    public string? Token { get; set; }

    /// <summary>Gets or sets the v3 lifetime in seconds (a duration, not a time).</summary>
    [JsonPropertyName("expireTimeSeconds")]
    public long? ExpireTimeSeconds { get; set; }

    /// <summary>Gets or sets the v2 expiry as absolute Unix seconds.</summary>
    [JsonPropertyName("expiredTime")]
    public long? ExpiredTime { get; set; }

    [JsonPropertyName("userID")]
    public string? UserId { get; set; }
}
