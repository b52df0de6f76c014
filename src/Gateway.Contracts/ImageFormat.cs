using System.Text.Json.Serialization;

namespace Gateway.Core.Contracts;

/// <summary>The encoding of an image.</summary>
[JsonConverter(typeof(LenientEnumConverter<ImageFormat>))]
public enum ImageFormat
{
    /// <summary>PNG.</summary>
    [JsonStringEnumMemberName("png")] Png = 1,

    /// <summary>JPEG.</summary>
    [JsonStringEnumMemberName("jpg")] Jpg,

    /// <summary>GIF.</summary>
    [JsonStringEnumMemberName("gif")] Gif,

    /// <summary>BMP.</summary>
    [JsonStringEnumMemberName("bmp")] Bmp,

    /// <summary>Any other format.</summary>
    [JsonStringEnumMemberName("other")] Other,
}
