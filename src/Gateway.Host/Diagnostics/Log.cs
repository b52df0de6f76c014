using Gateway.Core.Contracts;
using Microsoft.Extensions.Logging;

namespace Gateway.Host.Diagnostics;

/// <summary>The host's log events (ids 4000–4999). Never log message bodies, tokens or signed URLs.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, EventName = "TransientFailureRetry", Level = LogLevel.Warning,
        Message = "Message {MessageId}: transient {ErrorCode} from {Provider} on attempt {Attempt}; retrying (up to {Limit} retries)")]
    public static partial void TransientFailureRetry(this ILogger logger, string messageId, GatewayErrorCode errorCode, string? provider, int attempt, int limit);

    [LoggerMessage(EventId = 4001, EventName = "RetriesExhausted", Level = LogLevel.Error,
        Message = "Message {MessageId}: {ErrorCode} from {Provider} after {Attempts} attempts; moving it to the error queue")]
    public static partial void RetriesExhausted(this ILogger logger, string messageId, GatewayErrorCode errorCode, string? provider, int attempts);

    [LoggerMessage(EventId = 4002, EventName = "WaitingForRetryAfter", Level = LogLevel.Information,
        Message = "Message {MessageId}: {Provider} asked to wait {RetryAfter} before retrying")]
    public static partial void WaitingForRetryAfter(this ILogger logger, string messageId, string? provider, TimeSpan retryAfter);

    [LoggerMessage(EventId = 4003, EventName = "DiagnosticsListening", Level = LogLevel.Information,
        Message = "Health and metrics on {Address} (/health/live, /health/ready, /metrics)")]
    public static partial void DiagnosticsListening(this ILogger logger, string address);
}
