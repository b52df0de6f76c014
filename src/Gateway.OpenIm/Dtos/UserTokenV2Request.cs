using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>v2.0.x <c>POST /auth/user_token</c>: <c>operationID</c> travels in the body.</summary>
internal sealed class UserTokenV2Request
{
    [JsonPropertyName("secret")]
    public required string Secret { get; init; }

    [JsonPropertyName("platform")]
    public required int Platform { get; init; }

    [JsonPropertyName("userID")]
    public required string UserId { get; init; }

    [JsonPropertyName("operationID")]
    public required string OperationId { get; init; }
}
