namespace Gateway.Reliability.Hostile;

/// <summary>What one hostile command got, and whether that was what it had to get.</summary>
internal sealed record HostileCaseResult
{
    public required HostileCase Case { get; init; }

    public required HostileOutcomeKind Outcome { get; init; }

    /// <summary>Gets the reason in words: the error queue's <c>MT-Fault-Message</c> (cut short), or the failure's <c>field rule</c> pairs.</summary>
    public required string Observed { get; init; }

    /// <summary>Gets how many outcome records arrived for it (1 is right; 2 means an event and an error-queue copy).</summary>
    public int Records { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>Gets the worker's resident memory once the outcome was in, MiB (null when it could not be read).</summary>
    public double? RssMiB { get; init; }

    /// <summary>Gets why it did not meet its expectation; null when it did.</summary>
    public string? Miss { get; init; }

    public bool Passed => Miss is null;
}
