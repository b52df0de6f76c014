namespace Gateway.Reliability.Bus;

/// <summary>Names on the broker the suite uses.</summary>
internal static class Queues
{
    public const string SendMessage = "send-message";
    public const string SendMessageError = "send-message_error";

    /// <summary>Where MassTransit moves a message no consumer took (an envelope of another message type, say): no reason, no event.</summary>
    public const string SendMessageSkipped = "send-message_skipped";

    /// <summary>The suite's own durable queue, bound to the outcome event exchanges.</summary>
    public const string Outcomes = "reliability-outcomes";

    public const string MessageSentExchange = "Gateway.Core.Contracts:MessageSent";
    public const string MessageSendFailedExchange = "Gateway.Core.Contracts:MessageSendFailed";
}
