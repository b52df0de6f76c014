using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary>The fields every response has.</summary>
internal sealed class TencentImEnvelope : ITencentImResponse
{
    /// <summary>Gets or sets <c>OK</c> or <c>FAIL</c> (<c>ActionStatus</c>).</summary>
    [JsonPropertyName("ActionStatus")]
    public string? ActionStatus { get; set; }

    /// <summary>Gets or sets the error code, 0 on success (<c>ErrorCode</c>).</summary>
    [JsonPropertyName("ErrorCode")]
    public int ErrorCode { get; set; }

    /// <summary>Gets or sets the error text (not a contract) (<c>ErrorInfo</c>).</summary>
    [JsonPropertyName("ErrorInfo")]
    public string? ErrorInfo { get; set; }
}
