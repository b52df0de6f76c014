using Gateway.Core.Contracts;
using Microsoft.Extensions.Logging;

namespace Gateway.OpenIm;

/// <summary>
/// The OpenIM adapter's log events (ids 2000–2999). Routes are logged as paths without host or query; bodies, tokens
/// and the secret are never logged. Retries and circuit-breaker transitions are logged by Polly's telemetry.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, EventName = "OpenImTokenFetched", Level = LogLevel.Information,
        Message = "OpenIM provider {Provider} fetched an admin token, valid until {ExpiresAt:O}, refreshed from {RefreshAt:O}")]
    public static partial void TokenFetched(this ILogger logger, string provider, DateTimeOffset expiresAt, DateTimeOffset refreshAt);

    [LoggerMessage(EventId = 2001, EventName = "OpenImTokenFetchFailed", Level = LogLevel.Warning,
        Message = "OpenIM provider {Provider} could not fetch an admin token: {ErrorCode} (provider code {ProviderCode}): {ErrorMessage}")]
    public static partial void TokenFetchFailed(this ILogger logger, string provider, GatewayErrorCode errorCode, string? providerCode, string errorMessage);

    [LoggerMessage(EventId = 2002, EventName = "OpenImTokenRejected", Level = LogLevel.Warning,
        Message = "OpenIM provider {Provider} had its admin token rejected on {Operation} (HTTP {Status}, errCode {ProviderCode}); fetching a new token and replaying once")]
    public static partial void TokenRejected(this ILogger logger, string provider, string operation, int status, int? providerCode);

    [LoggerMessage(EventId = 2003, EventName = "OpenImTokenKeptAfterFailedRefresh", Level = LogLevel.Warning,
        Message = "OpenIM provider {Provider} could not refresh its admin token ahead of expiry; keeping the current one until {ExpiresAt:O}")]
    public static partial void TokenKeptAfterFailedRefresh(this ILogger logger, Exception exception, string provider, DateTimeOffset expiresAt);




    [LoggerMessage(EventId = 2021, EventName = "OpenImRecipientsFailed", Level = LogLevel.Information,
        Message = "OpenIM provider {Provider} delivered message {MessageId} to {Delivered} recipients; {Failed} failed")]
    public static partial void RecipientsFailed(this ILogger logger, string provider, string messageId, int delivered, int failed);
}
