using System.Text.Json.Serialization;

namespace Gateway.EndToEnd.Wire;

/// <summary><c>data</c> of the token answer.</summary>
internal sealed class OpenImTokenData
{
    [JsonPropertyName("token")]
    public string? Token { get; set; }

    [JsonPropertyName("expireTimeSeconds")]
    public long? ExpireTimeSeconds { get; set; }
}
