using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>TIMLocationElem</c> content.</summary>
internal sealed class LocationElemContent
{
    /// <summary>Gets the description (<c>Desc</c>).</summary>
    [JsonPropertyName("Desc")]
    public required string Desc { get; init; }

    /// <summary>Gets the latitude (<c>Latitude</c>).</summary>
    [JsonPropertyName("Latitude")]
    public required double Latitude { get; init; }

    /// <summary>Gets the longitude (<c>Longitude</c>).</summary>
    [JsonPropertyName("Longitude")]
    public required double Longitude { get; init; }
}
