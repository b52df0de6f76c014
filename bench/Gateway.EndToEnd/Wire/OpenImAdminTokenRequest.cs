using System.Text.Json.Serialization;

namespace Gateway.EndToEnd.Wire;

/// <summary>OpenIM v3 <c>POST /auth/get_admin_token</c>.</summary>
internal sealed class OpenImAdminTokenRequest
{
    [JsonPropertyName("secret")]
    public required string Secret { get; init; }

    [JsonPropertyName("userID")]
    public required string UserId { get; init; }
}
