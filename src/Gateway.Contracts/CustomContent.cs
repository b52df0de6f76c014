namespace Gateway.Core.Contracts;

/// <summary>App-defined content; receiving apps interpret <see cref="Data"/>.</summary>
public sealed record CustomContent
{
    /// <summary>Gets the payload, a string (often JSON text); must not be empty.</summary>
    public required string Data { get; init; }

    /// <summary>Gets a human-readable description (also the push text on some providers).</summary>
    public string? Description { get; init; }

    /// <summary>Gets an extension string passed through to receivers.</summary>
    public string? Extension { get; init; }

    /// <summary>Gets a custom push sound (Tencent only).</summary>
    public string? Sound { get; init; }
}
