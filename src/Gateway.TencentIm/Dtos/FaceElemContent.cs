using System.Text.Json.Serialization;

namespace Gateway.TencentIm.Dtos;

/// <summary><c>TIMFaceElem</c> content.</summary>
internal sealed class FaceElemContent
{
    /// <summary>Gets the app-defined face index (<c>Index</c>).</summary>
    [JsonPropertyName("Index")]
    public required int Index { get; init; }

    /// <summary>Gets extra data (<c>Data</c>).</summary>
    [JsonPropertyName("Data")]
    public string? Data { get; init; }
}
