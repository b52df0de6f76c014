namespace Gateway.Core.Messages;

/// <summary>One group.</summary>
/// <param name="GroupId">The group id.</param>
public sealed record GroupRecipient(string GroupId) : MessageRecipients;
