using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>The JSON envelope of every OpenIM answer (v3 <c>{errCode, errMsg, errDlt, data}</c>; v2 has no <c>errDlt</c>).</summary>
/// <typeparam name="TData">The shape of <c>data</c>.</typeparam>
internal sealed class OpenImResponse<TData> : IOpenImEnvelope
    where TData : class
{
    [JsonPropertyName("errCode")]
    public int? ErrCode { get; set; }

    [JsonPropertyName("errMsg")]
    public string? ErrMsg { get; set; }

    [JsonPropertyName("errDlt")]
    public string? ErrDlt { get; set; }

    [JsonPropertyName("data")]
    public TData? Data { get; set; }
}
