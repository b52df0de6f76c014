namespace Gateway.Reliability.Bus;

/// <summary>Names on the broker the suite uses.</summary>
internal static class Queues
{
    public const string SendMessage = "send-message";
    public const string SendMessageError = "send-message_error";

    /// <summary>The suite's own durable queue, bound to the outcome event exchanges.</summary>
    public const string Outcomes = "reliability-outcomes";

    public const string MessageSentExchange = "Gateway.Core.Contracts:MessageSent";
    public const string MessageSendFailedExchange = "Gateway.Core.Contracts:MessageSendFailed";
}
