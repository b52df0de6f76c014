using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>v3.0–v3.8.0 <c>POST /auth/user_token</c>.</summary>
internal sealed class UserTokenRequest
{
    [JsonPropertyName("secret")]
    public required string Secret { get; init; }

    [JsonPropertyName("platformID")]
    public required int PlatformId { get; init; }

    [JsonPropertyName("userID")]
    public required string UserId { get; init; }
}
