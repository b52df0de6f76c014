namespace Gateway.Core.Messages;

/// <summary>One or more distinct users.</summary>
/// <param name="UserIds">The user ids, in the command's order; at least one, no repeats.</param>
public sealed record UserRecipients(IReadOnlyList<string> UserIds) : MessageRecipients;
