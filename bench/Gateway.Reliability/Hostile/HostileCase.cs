namespace Gateway.Reliability.Hostile;

/// <summary>One command a careless or hostile publisher sends, with the outcome it must get.</summary>
internal sealed record HostileCase
{
    /// <summary>Gets the case's number (1, 2, ...), also sent as the <c>x-reliability-case</c> header.</summary>
    public required int Number { get; init; }

    /// <summary>Gets the class of input, for the summary table (<c>body</c>, <c>types</c>, <c>nulls</c>, ...).</summary>
    public required string Class { get; init; }

    /// <summary>Gets what the command does wrong, in a few words.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the <c>messageId</c> in the body when it has a usable one (events are matched on it); null otherwise.</summary>
    public string? MessageId { get; init; }

    /// <summary>Gets the AMQP content type; null sends none.</summary>
    public string? ContentType { get; init; } = "application/json";

    /// <summary>Gets the exact bytes published.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    public required HostileExpectation Expected { get; init; }
}
