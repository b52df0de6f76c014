namespace Gateway.Reliability.Reporting;

/// <summary>What one scenario run measured, and whether it met its targets.</summary>
internal sealed record ScenarioResult
{
    public required string Id { get; init; }

    public required string Description { get; init; }

    public required string Provider { get; init; }

    public int Workers { get; init; }

    public int Published { get; init; }

    /// <summary>Gets the valid commands the provider accepted at least once.</summary>
    public int Delivered { get; init; }

    /// <summary>Gets the commands neither delivered nor in the error queue (invalid ones: nor answered with MessageSendFailed).</summary>
    public int Lost { get; init; }

    /// <summary>Gets provider deliveries beyond the first per messageId.</summary>
    public int Duplicated { get; init; }

    public int InErrorQueue { get; init; }

    /// <summary>Gets the invalid commands answered with MessageSendFailed plus the malformed ones in the error queue.</summary>
    public int Rejected { get; init; }

    public TimeSpan WallTime { get; init; }

    /// <summary>Gets the seconds from the provider's return to its last accepted send; null where the provider never went away.</summary>
    public double? LastDeliveryAfterReturn { get; init; }

    /// <summary>Gets the allowed duplicates, in words.</summary>
    public required string DuplicateLimit { get; init; }

    public bool Passed => Failures.Count == 0;

    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>Gets observations that are not targets (republished commands, events, token fetches...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Gets extra markdown written under the scenario's notes (the hostile scenario's tables).</summary>
    public IReadOnlyList<string> Details { get; init; } = [];
}
