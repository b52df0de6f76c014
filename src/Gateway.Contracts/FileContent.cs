namespace Gateway.Core.Contracts;

/// <summary>A file attachment.</summary>
public sealed record FileContent
{
    /// <summary>Gets the download URL; must not be empty.</summary>
    public required string Url { get; init; }

    /// <summary>Gets the file name shown to the user; must not be empty.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the size in bytes (at least 1).</summary>
    public required long Size { get; init; }

    /// <summary>Gets the storage id of the file, if the app tracks one.</summary>
    public string? Uuid { get; init; }
}
