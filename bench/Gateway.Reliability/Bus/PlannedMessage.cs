namespace Gateway.Reliability.Bus;

/// <summary>One command the publisher sends: its id, what kind it is, and the exact bytes.</summary>
internal sealed record PlannedMessage(string MessageId, CommandKind Kind, ReadOnlyMemory<byte> Body);
