namespace Gateway.Core.Contracts;

/// <summary>A voice clip.</summary>
public sealed record SoundContent
{
    /// <summary>Gets the download URL; must not be empty.</summary>
    public required string Url { get; init; }

    /// <summary>Gets the duration in whole seconds (at least 1).</summary>
    public required int DurationSeconds { get; init; }

    /// <summary>Gets the size in bytes (at least 0).</summary>
    public long Size { get; init; }

    /// <summary>Gets the storage id of the clip, if the app tracks one.</summary>
    public string? Uuid { get; init; }
}
