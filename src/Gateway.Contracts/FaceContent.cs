namespace Gateway.Core.Contracts;

/// <summary>An app-defined sticker ("face").</summary>
public sealed record FaceContent
{
    /// <summary>Gets the app-defined sticker index (at least 0).</summary>
    public required int Index { get; init; }

    /// <summary>Gets optional app-defined data for the sticker.</summary>
    public string? Data { get; init; }
}
