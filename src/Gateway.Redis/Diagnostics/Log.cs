using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gateway.Redis.Diagnostics;

/// <summary>The Redis stores' log events (ids 5000–5099). Never log the connection string, outcomes or keys' values.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, EventName = "RedisConnectionFailed", Level = LogLevel.Warning,
        Message = "Redis connection to {Endpoint} ({ConnectionType}) failed: {FailureType}; reconnecting in the background, store operations fail until then")]
    public static partial void RedisConnectionFailed(this ILogger logger, string endpoint, ConnectionType connectionType, ConnectionFailureType failureType);

    [LoggerMessage(EventId = 5001, EventName = "RedisConnectionRestored", Level = LogLevel.Information,
        Message = "Redis connection to {Endpoint} ({ConnectionType}) restored")]
    public static partial void RedisConnectionRestored(this ILogger logger, string endpoint, ConnectionType connectionType);

    [LoggerMessage(EventId = 5002, EventName = "RedisReady", Level = LogLevel.Information,
        Message = "Redis at {Endpoints} answered after {Milliseconds:0.#} ms; the gateway's shared stores are ready")]
    public static partial void RedisReady(this ILogger logger, string endpoints, double milliseconds);

    [LoggerMessage(EventId = 5003, EventName = "ClaimTakenOver", Level = LogLevel.Warning,
        Message = "The claim on {Key} expired and was taken by another worker before this one ended it ({Operation}); nothing was changed. Its renewals did not reach Redis within Gateway:Idempotency:Lease (Redis unreachable, or the process stalled)")]
    public static partial void ClaimTakenOver(this ILogger logger, string key, string operation);

    [LoggerMessage(EventId = 5004, EventName = "OutcomeRecordedAfterLease", Level = LogLevel.Warning,
        Message = "The claim on {Key} had expired before its outcome was recorded (nobody had taken it; the outcome is recorded). Its renewals did not reach Redis within Gateway:Idempotency:Lease (Redis unreachable, or the process stalled)")]
    public static partial void OutcomeRecordedAfterLease(this ILogger logger, string key);

    [LoggerMessage(EventId = 5005, EventName = "ClaimRenewalFailed", Level = LogLevel.Warning,
        Message = "Renewing the leases of {Claims} held claims failed: {Reason}; retrying at the next renewal. A claim whose lease runs out meanwhile may be taken over by another worker")]
    public static partial void ClaimRenewalFailed(this ILogger logger, int claims, string reason);
}
