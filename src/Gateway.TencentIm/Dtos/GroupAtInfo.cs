using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary>One <c>GroupAtInfo</c> item.</summary>
internal sealed class GroupAtInfo
{
    /// <summary>Gets 1 mentions everyone, 0 one member (<c>GroupAtAllFlag</c>).</summary>
    [JsonPropertyName("GroupAtAllFlag")]
    public required int GroupAtAllFlag { get; init; }

    /// <summary>Gets the mentioned member (<c>GroupAt_Account</c>).</summary>
    [JsonPropertyName("GroupAt_Account")]
    public string? GroupAtAccount { get; init; }
}
