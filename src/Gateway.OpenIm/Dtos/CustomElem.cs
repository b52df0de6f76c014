using System.Text.Json.Serialization;

namespace Gateway.OpenIm.Dtos;

/// <summary>110 custom: <c>data</c> must be a JSON string (an object is a decode error, errCode 500).</summary>
internal sealed class CustomElem
{
    [JsonPropertyName("data")]
    public required string Data { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("extension")]
    public string? Extension { get; init; }
}
