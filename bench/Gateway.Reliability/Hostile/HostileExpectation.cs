namespace Gateway.Reliability.Hostile;

/// <summary>
/// What a hostile command must get: a <c>MessageSendFailed</c> naming a field and rule in <c>error.details</c>, or a
/// place in <c>send-message_error</c> with a reason (<c>MT-Fault-Message</c>) containing a given fragment.
/// </summary>
internal sealed record HostileExpectation
{
    public required HostileOutcomeKind Kind { get; init; }

    /// <summary>Gets the field path expected among the failure's details (<c>to</c>, <c>content.image</c>).</summary>
    public string? Field { get; init; }

    /// <summary>Gets the rule expected with <see cref="Field"/> (<c>Gateway.Required</c>).</summary>
    public string? Rule { get; init; }

    /// <summary>Gets a fragment the error queue's <c>MT-Fault-Message</c> must contain (ordinal, case-insensitive).</summary>
    public string? Reason { get; init; }

    public static HostileExpectation Failed(string field, string rule) => new() { Kind = HostileOutcomeKind.Failed, Field = field, Rule = rule };

    public static HostileExpectation ErrorQueue(string reason) => new() { Kind = HostileOutcomeKind.ErrorQueue, Reason = reason };

    public static HostileExpectation Sent() => new() { Kind = HostileOutcomeKind.Sent };

    public override string ToString() => Kind switch
    {
        HostileOutcomeKind.Failed => $"MessageSendFailed {Field} {Rule}",
        HostileOutcomeKind.ErrorQueue => $"error queue \"{Reason}\"",
        _ => Kind.ToString(),
    };
}
