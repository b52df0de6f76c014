using Microsoft.Extensions.Logging;

namespace Gateway.Host.Diagnostics;

/// <summary>The host's log events (ids 4000–4999). Never log message bodies, tokens or signed URLs.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, EventName = "Redelivering", Level = LogLevel.Warning,
        Message = "Message {MessageId}: transient failure from {Provider} after {Attempts} attempts; redelivering in {Delay}: {Reason}")]
    public static partial void Redelivering(this ILogger logger, string messageId, string provider, int attempts, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 4001, EventName = "RedeliveryBudgetSpent", Level = LogLevel.Error,
        Message = "Message {MessageId}: still failing at {Provider} after {Attempts} attempts over {Elapsed}; publishing the failure and moving it to the error queue")]
    public static partial void RedeliveryBudgetSpent(this ILogger logger, string messageId, string provider, int attempts, TimeSpan elapsed);

    [LoggerMessage(EventId = 4003, EventName = "DiagnosticsListening", Level = LogLevel.Information,
        Message = "Health and metrics on {Address} (/health/live, /health/ready, /metrics)")]
    public static partial void DiagnosticsListening(this ILogger logger, string address);

    [LoggerMessage(EventId = 4004, EventName = "ProviderHealthChanged", Level = LogLevel.Information,
        Message = "Provider {Provider} is now {State}")]
    public static partial void ProviderHealthChanged(this ILogger logger, string provider, string state);

    [LoggerMessage(EventId = 4005, EventName = "RedeliveryQueuesDeclared", Level = LogLevel.Debug,
        Message = "Redelivery delay queues declared for delays {Delays}")]
    public static partial void RedeliveryQueuesDeclared(this ILogger logger, string delays);

    [LoggerMessage(EventId = 4006, EventName = "JsonEventsReady", Level = LogLevel.Information,
        Message = "Outcome events are published as plain JSON on {Exchanges}")]
    public static partial void JsonEventsReady(this ILogger logger, string exchanges);
}
