namespace Gateway.Core.Contracts;

/// <summary>The conversation of a message to revoke: exactly one of <see cref="To"/> and <see cref="GroupId"/>.</summary>
public sealed record RevokeTarget
{
    /// <summary>Gets the user the original message was sent to.</summary>
    public string? To { get; init; }

    /// <summary>Gets the group the original message was sent to.</summary>
    public string? GroupId { get; init; }
}
