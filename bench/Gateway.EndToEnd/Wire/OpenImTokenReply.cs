using System.Text.Json.Serialization;

namespace Gateway.EndToEnd.Wire;

/// <summary>The answer to <c>get_admin_token</c>.</summary>
internal sealed class OpenImTokenReply
{
    [JsonPropertyName("errCode")]
    public int ErrCode { get; set; }

    [JsonPropertyName("errMsg")]
    public string? ErrMsg { get; set; }

    [JsonPropertyName("data")]
    public OpenImTokenData? Data { get; set; }
}
