namespace Gateway.Core.Contracts;

/// <summary>Plain text.</summary>
public sealed record TextContent
{
    /// <summary>Gets the text; must not be empty.</summary>
    public required string Text { get; init; }
}
