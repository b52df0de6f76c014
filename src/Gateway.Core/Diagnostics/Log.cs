using Gateway.Core.Contracts;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Diagnostics;

/// <summary>The gateway's log events (ids 1000–1999). Never log message bodies, tokens or signed URLs.</summary>
internal static partial class Log
{
    private static readonly Func<ILogger, string, string?, IDisposable?> MessageScopeDefinition =
        LoggerMessage.DefineScope<string, string?>("MessageId:{MessageId} Provider:{Provider}");

    public static IDisposable? BeginMessageScope(this ILogger logger, string messageId, string? provider) =>
        MessageScopeDefinition(logger, messageId, provider);

    [LoggerMessage(EventId = 1000, EventName = "MessageSent", Level = LogLevel.Information,
        Message = "Message {MessageId} sent through {Provider}: {Delivered} delivered, {Failed} failed")]
    public static partial void MessageSent(this ILogger logger, string messageId, string provider, int delivered, int failed);

    [LoggerMessage(EventId = 1001, EventName = "MessageSendFailed", Level = LogLevel.Warning,
        Message = "Message {MessageId} not sent through {Provider}: {ErrorCode} (provider code {ProviderCode}, transient {Transient}): {ErrorMessage}")]
    public static partial void MessageSendFailed(this ILogger logger, string messageId, string? provider, GatewayErrorCode errorCode, string? providerCode, bool transient, string errorMessage);

    [LoggerMessage(EventId = 1002, EventName = "DuplicateMessage", Level = LogLevel.Information,
        Message = "Message {MessageId} already completed; returning the stored outcome")]
    public static partial void DuplicateMessage(this ILogger logger, string messageId);

    [LoggerMessage(EventId = 1003, EventName = "InvalidMessage", Level = LogLevel.Information,
        Message = "Message {MessageId} rejected before sending: {ErrorMessage}")]
    public static partial void InvalidMessage(this ILogger logger, string messageId, string errorMessage);

    [LoggerMessage(EventId = 1004, EventName = "UnexpectedProviderError", Level = LogLevel.Error,
        Message = "Provider {Provider} failed unexpectedly")]
    public static partial void UnexpectedProviderError(this ILogger logger, Exception exception, string provider);

    [LoggerMessage(EventId = 1006, EventName = "OutcomeNotRecorded", Level = LogLevel.Error,
        Message = "The provider accepted {Key}, but the idempotency store could not record it; a later duplicate of this id would be sent again")]
    public static partial void OutcomeNotRecorded(this ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = 1007, EventName = "ClaimNotReleased", Level = LogLevel.Warning,
        Message = "The idempotency store could not release {Key}; a retry of it waits until the claim's lease expires")]
    public static partial void ClaimNotReleased(this ILogger logger, Exception exception, string key);

    [LoggerMessage(EventId = 1005, EventName = "IgnoredOptions", Level = LogLevel.Debug,
        Message = "Provider {Provider} ignores {IgnoredOptions} of message {MessageId}")]
    public static partial void IgnoredOptions(this ILogger logger, string provider, string ignoredOptions, string messageId);

    [LoggerMessage(EventId = 1010, EventName = "MessageRevoked", Level = LogLevel.Information,
        Message = "Message {MessageId} revoked through {Provider}")]
    public static partial void MessageRevoked(this ILogger logger, string messageId, string provider);

    [LoggerMessage(EventId = 1011, EventName = "MessageRevokeFailed", Level = LogLevel.Warning,
        Message = "Revoke {MessageId} failed through {Provider}: {ErrorCode} (provider code {ProviderCode}, transient {Transient}): {ErrorMessage}")]
    public static partial void MessageRevokeFailed(this ILogger logger, string messageId, string? provider, GatewayErrorCode errorCode, string? providerCode, bool transient, string errorMessage);

    [LoggerMessage(EventId = 1100, EventName = "ProviderHttpRequestSending", Level = LogLevel.Debug,
        Message = "Provider {Provider}: {Method} {Path}")]
    public static partial void HttpRequestSending(this ILogger logger, string provider, string method, string path);

    [LoggerMessage(EventId = 1101, EventName = "ProviderHttpResponseReceived", Level = LogLevel.Debug,
        Message = "Provider {Provider}: {Method} {Path} answered HTTP {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void HttpResponseReceived(this ILogger logger, string provider, string method, string path, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1102, EventName = "ProviderHttpRequestFailed", Level = LogLevel.Debug,
        Message = "Provider {Provider}: {Method} {Path} failed ({Error}) after {ElapsedMilliseconds} ms")]
    public static partial void HttpRequestFailed(this ILogger logger, string provider, string method, string path, string error, double elapsedMilliseconds);
}
