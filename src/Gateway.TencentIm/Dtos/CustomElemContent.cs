using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>TIMCustomElem</c> content.</summary>
internal sealed class CustomElemContent
{
    /// <summary>Gets the custom data (<c>Data</c>).</summary>
    [JsonPropertyName("Data")]
    public required string Data { get; init; }

    /// <summary>Gets the push text (<c>Desc</c>).</summary>
    [JsonPropertyName("Desc")]
    public string? Desc { get; init; }

    /// <summary>Gets the APNs extension (<c>Ext</c>).</summary>
    [JsonPropertyName("Ext")]
    public string? Ext { get; init; }

    /// <summary>Gets the APNs sound (<c>Sound</c>).</summary>
    [JsonPropertyName("Sound")]
    public string? Sound { get; init; }
}
