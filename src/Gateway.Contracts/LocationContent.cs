namespace Gateway.Core.Contracts;

/// <summary>A geographic location.</summary>
public sealed record LocationContent
{
    /// <summary>Gets the description of the place; must not be empty.</summary>
    public required string Description { get; init; }

    /// <summary>Gets the latitude in degrees, -90..90.</summary>
    public required double Latitude { get; init; }

    /// <summary>Gets the longitude in degrees, -180..180.</summary>
    public required double Longitude { get; init; }
}
