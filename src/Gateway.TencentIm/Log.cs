using Microsoft.Extensions.Logging;

namespace Gateway.TencentIm;

/// <summary>
/// The Tencent adapter's log events (ids 3000–3999). Never bodies, UserSigs, the secret key or URLs with their query;
/// Tencent's <c>ErrorInfo</c> is logged redacted. Retries and circuit-breaker transitions are logged by Polly's telemetry.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, EventName = "TencentImUserSigGenerated", Level = LogLevel.Debug,
        Message = "Provider {Provider} generated an admin UserSig valid until {ExpiresAt:O}")]
    public static partial void UserSigGenerated(this ILogger logger, string provider, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3001, EventName = "TencentImUserSigRejected", Level = LogLevel.Warning,
        Message = "Provider {Provider} got auth error {ErrorCode} on {Api}; regenerating the UserSig and replaying the call once")]
    public static partial void UserSigRejected(this ILogger logger, string provider, int errorCode, string api);

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

    [LoggerMessage(EventId = 3010, EventName = "TencentImRecipientsFailed", Level = LogLevel.Information,
        Message = "Provider {Provider} batchsendmsg chunk {Chunk} of {Chunks} of message {MessageId} reached {Delivered} recipients; {Failed} failed")]
    public static partial void RecipientsFailed(this ILogger logger, string provider, string messageId, int chunk, int chunks, int delivered, int failed);
}
