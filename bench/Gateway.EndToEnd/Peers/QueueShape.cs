namespace Gateway.EndToEnd.Peers;

/// <summary>The command queue every consumer drains: <c>send-message</c>, durable, classic, no arguments (as the gateway declares it).</summary>
internal static class QueueShape
{
    public const string Name = "send-message";
}
