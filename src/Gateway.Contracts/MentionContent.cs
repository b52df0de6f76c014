namespace Gateway.Core.Contracts;

/// <summary>Group text that mentions (@) members or everyone.</summary>
public sealed record MentionContent
{
    /// <summary>Gets the text; must not be empty.</summary>
    public required string Text { get; init; }

    /// <summary>Gets the mentioned user ids; required and non-empty unless <see cref="All"/> is set.</summary>
    public IReadOnlyList<string>? UserIds { get; init; }

    /// <summary>Gets a value indicating whether everyone in the group is mentioned.</summary>
    public bool All { get; init; }
}
