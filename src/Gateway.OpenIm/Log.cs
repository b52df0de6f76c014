using Microsoft.Extensions.Logging;

namespace Gateway.OpenIm;

/// <summary>
/// The OpenIM adapter's log events (ids 2000–2999). Operations are logged as paths without host or query; bodies,
/// tokens and the secret are never logged.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, EventName = "OpenImTokenFetched", Level = LogLevel.Information,
        Message = "OpenIM provider {Provider} fetched an admin token for {AdminUserId} through {Operation}, valid until {ExpiresAt:O}, refreshed from {RefreshAt:O}")]
    public static partial void TokenFetched(this ILogger logger, string provider, string adminUserId, string operation, DateTimeOffset expiresAt, DateTimeOffset refreshAt);

    [LoggerMessage(EventId = 2001, EventName = "OpenImTokenFetchFailed", Level = LogLevel.Warning,
        Message = "OpenIM provider {Provider} could not fetch an admin token through {Operation}: {ErrorCode} (provider code {ProviderCode}): {ErrorMessage}")]
    public static partial void TokenFetchFailed(this ILogger logger, string provider, string operation, Gateway.Core.Contracts.GatewayErrorCode errorCode, string? providerCode, string errorMessage);

    [LoggerMessage(EventId = 2002, EventName = "OpenImTokenRejected", Level = LogLevel.Warning,
        Message = "OpenIM provider {Provider} had its admin token rejected on {Operation} (HTTP {Status}, errCode {ProviderCode}); fetching a new token and replaying once")]
    public static partial void TokenRejected(this ILogger logger, string provider, string operation, int status, int? providerCode);

    [LoggerMessage(EventId = 2003, EventName = "OpenImTokenKeptAfterFailedRefresh", Level = LogLevel.Warning,
        Message = "OpenIM provider {Provider} could not refresh its admin token ahead of expiry; keeping the current one until {ExpiresAt:O}")]
    public static partial void TokenKeptAfterFailedRefresh(this ILogger logger, Exception exception, string provider, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2010, EventName = "OpenImRetrying", Level = LogLevel.Warning,
        Message = "OpenIM provider {Provider} retrying {Operation} (retry {Attempt}) after {Reason}; waiting {Delay}")]
    public static partial void Retrying(this ILogger logger, string provider, string operation, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 2011, EventName = "OpenImCircuitOpened", Level = LogLevel.Warning,
        Message = "OpenIM provider {Provider} circuit opened for {BreakDuration} after {Reason}")]
    public static partial void CircuitOpened(this ILogger logger, string provider, TimeSpan breakDuration, string reason);

    [LoggerMessage(EventId = 2012, EventName = "OpenImCircuitClosed", Level = LogLevel.Information,
        Message = "OpenIM provider {Provider} circuit closed")]
    public static partial void CircuitClosed(this ILogger logger, string provider);

    [LoggerMessage(EventId = 2013, EventName = "OpenImCircuitHalfOpened", Level = LogLevel.Information,
        Message = "OpenIM provider {Provider} circuit half-open: letting a trial call through")]
    public static partial void CircuitHalfOpened(this ILogger logger, string provider);

    [LoggerMessage(EventId = 2020, EventName = "OpenImRequestFailed", Level = LogLevel.Debug,
        Message = "OpenIM provider {Provider} {Operation} failed: HTTP {Status}, errCode {ProviderCode}, classified {ErrorCode} (transient {Transient})")]
    public static partial void RequestFailed(this ILogger logger, string provider, string operation, int status, int? providerCode, Gateway.Core.Contracts.GatewayErrorCode errorCode, bool transient);

    [LoggerMessage(EventId = 2021, EventName = "OpenImRecipientsFailed", Level = LogLevel.Information,
        Message = "OpenIM provider {Provider} delivered message {MessageId} to {Delivered} recipients; {Failed} failed")]
    public static partial void RecipientsFailed(this ILogger logger, string provider, string messageId, int delivered, int failed);

    [LoggerMessage(EventId = 2022, EventName = "OpenImRateLimitWaited", Level = LogLevel.Debug,
        Message = "OpenIM provider {Provider} waited {Wait} for a send permit")]
    public static partial void RateLimitWaited(this ILogger logger, string provider, TimeSpan wait);
}
