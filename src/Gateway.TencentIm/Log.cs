using Microsoft.Extensions.Logging;

namespace Gateway.TencentIm;

/// <summary>The adapter's log messages (event ids 3000–3999). Never bodies, UserSigs, secrets or URLs with their query.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, EventName = "TencentImUserSigGenerated", Level = LogLevel.Debug,
        Message = "Provider {Provider} generated an admin UserSig valid until {ExpiresAt:O}")]
    public static partial void UserSigGenerated(this ILogger logger, string provider, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3001, EventName = "TencentImUserSigRejected", Level = LogLevel.Warning,
        Message = "Provider {Provider} got auth error {ErrorCode} on {Api}; regenerating the UserSig and replaying the call once")]
    public static partial void UserSigRejected(this ILogger logger, string provider, int errorCode, string api);

    [LoggerMessage(EventId = 3002, EventName = "TencentImRetrying", Level = LogLevel.Warning,
        Message = "Provider {Provider} retries {Api} (retry {Retry}) in {DelayMs} ms after {Reason}")]
    public static partial void Retrying(this ILogger logger, string provider, string api, int retry, long delayMs, string reason);

    [LoggerMessage(EventId = 3003, EventName = "TencentImRateLimitWaited", Level = LogLevel.Debug,
        Message = "Provider {Provider} waited {WaitMs} ms for the {Limiter} rate limit before {Api}")]
    public static partial void RateLimitWaited(this ILogger logger, string provider, string limiter, string api, double waitMs);

    [LoggerMessage(EventId = 3004, EventName = "TencentImCircuitOpened", Level = LogLevel.Warning,
        Message = "Provider {Provider} circuit opened for {BreakDuration} after repeated failures")]
    public static partial void CircuitOpened(this ILogger logger, string provider, TimeSpan breakDuration);

    [LoggerMessage(EventId = 3005, EventName = "TencentImCircuitClosed", Level = LogLevel.Information,
        Message = "Provider {Provider} circuit closed")]
    public static partial void CircuitClosed(this ILogger logger, string provider);

    [LoggerMessage(EventId = 3006, EventName = "TencentImCallFailed", Level = LogLevel.Debug,
        Message = "Provider {Provider} {Api} answered HTTP {Status}, ErrorCode {ErrorCode}: {ErrorInfo}")]
    public static partial void CallFailed(this ILogger logger, string provider, string api, int status, int errorCode, string errorInfo);

    [LoggerMessage(EventId = 3007, EventName = "TencentImBatchChunkFailed", Level = LogLevel.Warning,
        Message = "Provider {Provider} batchsendmsg chunk {Chunk} of {Chunks} ({Recipients} recipients) failed: {ErrorCode}")]
    public static partial void BatchChunkFailed(this ILogger logger, string provider, int chunk, int chunks, int recipients, string errorCode);

    [LoggerMessage(EventId = 3008, EventName = "TencentImCallbackServerSuspected", Level = LogLevel.Warning,
        Message = "Provider {Provider} got 90992 on {Api}; if every call fails and callbacks are configured, the app's callback server is failing")]
    public static partial void CallbackServerSuspected(this ILogger logger, string provider, string api);

    [LoggerMessage(EventId = 3009, EventName = "TencentImMessageDropped", Level = LogLevel.Warning,
        Message = "Provider {Provider} send_group_msg to {GroupId} was dropped by Tencent's frequency control: {Reason}")]
    public static partial void GroupMessageDropped(this ILogger logger, string provider, string groupId, string reason);
}
