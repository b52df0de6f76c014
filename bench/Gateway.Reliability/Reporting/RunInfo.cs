namespace Gateway.Reliability.Reporting;

/// <summary>The header of a report.</summary>
internal sealed record RunInfo
{
    public required string CommandLine { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public TimeSpan Duration { get; init; }

    public required string Machine { get; init; }

    public required string Gateway { get; init; }

    public int Messages { get; init; }

    public TimeSpan PublishDuration { get; init; }
}
