namespace Gateway.Core.Contracts;

/// <summary>How offline recipients are notified by push.</summary>
public sealed record OfflinePushOptions
{
    /// <summary>Gets a value indicating whether offline push is turned off for this message.</summary>
    public bool Disabled { get; init; }

    /// <summary>Gets the push title.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the push body text.</summary>
    public string? Body { get; init; }

    /// <summary>Gets extension data delivered with the push (JSON text is safest).</summary>
    public string? Extension { get; init; }

    /// <summary>Gets the iOS sound file name.</summary>
    public string? IosSound { get; init; }

    /// <summary>Gets whether the push counts toward the iOS badge.</summary>
    public bool? IosBadge { get; init; }

    /// <summary>Gets the Android sound file name (Tencent only).</summary>
    public string? AndroidSound { get; init; }
}
