using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>v3.8.1+ <c>POST /auth/get_admin_token</c>.</summary>
internal sealed class GetAdminTokenRequest
{
    [JsonPropertyName("secret")]
    public required string Secret { get; init; }

    [JsonPropertyName("userID")]
    public required string UserId { get; init; }
}
