using System.Globalization;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.TencentIm.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Gateway.TencentIm.Errors;

/// <summary>
/// The exceptions and per-recipient errors the Tencent adapter reports, built from the error map's classification.
/// Messages quote the API and Tencent's own (redacted) <c>ErrorInfo</c>, never the host, the query, the UserSig or the
/// secret key.
/// </summary>
internal static class TencentImFailures
{
    /// <summary>The wait Tencent asks for after 70050 (too many failed UserSig checks).</summary>
    public static readonly TimeSpan AuthLockoutDelay = TimeSpan.FromSeconds(60);

    /// <summary>A failed answer: the error map's classification of its <c>ErrorCode</c>, or of its HTTP status when it carried no Tencent answer.</summary>
    public static ProviderException Refused(string instance, TencentImApi api, TencentImAnswer answer, TimeSpan rateLimitedDelay, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Code is { } code and not 0
            ? Code(instance, api, answer.Status, code, answer.ErrorInfo, answer.RetryAfter, rateLimitedDelay, subject)
            : NoAnswer(instance, api, answer.Status);
    }

    /// <summary>A Tencent error code, from an answer or from one item of it (a group recall's <c>RetCode</c>).</summary>
    public static ProviderException Code(string instance, TencentImApi api, int status, int code, string errorInfo, TimeSpan? retryAfter, TimeSpan rateLimitedDelay, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        var row = TencentImErrorMap.Lookup(code);
        var wait = code == 70050 ? AuthLockoutDelay
            : row.Kind == TencentImErrorKind.RateLimited ? retryAfter ?? rateLimitedDelay
            : (TimeSpan?)null;
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Tencent Cloud IM {api.Name}{(subject is null ? string.Empty : " " + subject)} failed with ErrorCode {code} ({row.Meaning}){(errorInfo.Length == 0 ? string.Empty : ": " + errorInfo)}");
        return new ProviderException(instance, row.Code, message, row.Transient, status, code.ToString(CultureInfo.InvariantCulture), wait);
    }

    /// <summary>An answer that is not Tencent's: a proxy page, a wrong <c>BaseUrl</c>, a 5xx without a body.</summary>
    public static ProviderException NoAnswer(string instance, TencentImApi api, int status)
    {
        ArgumentNullException.ThrowIfNull(api);
        var transient = status is 200 or 408 or 429 or >= 500;
        var code = transient ? GatewayErrorCode.ProviderUnavailable
            : status is 401 or 403 or 404 ? GatewayErrorCode.Forbidden
            : GatewayErrorCode.Unknown;
        return new ProviderException(
            instance,
            code,
            string.Create(CultureInfo.InvariantCulture, $"Tencent Cloud IM {api.Name} answered HTTP {status} without a Tencent JSON answer (check Region/BaseUrl)"),
            transient,
            status);
    }

    /// <summary>A group message Tencent's frequency control dropped (<c>MsgDropReason</c> set).</summary>
    public static ProviderException Dropped(string instance, string groupId, string reason, int status, TimeSpan rateLimitedDelay) => new(
        instance,
        GatewayErrorCode.RateLimited,
        $"Tencent Cloud IM send_group_msg to group '{groupId}' was dropped by frequency control: {reason}",
        isTransient: true,
        status: status,
        retryAfter: rateLimitedDelay);

    /// <summary>The error of one batch recipient, with its own code (from <c>ErrorList</c>, or the chunk's code when all failed).</summary>
    public static FailedRecipient Recipient(string recipient, int code)
    {
        var row = TencentImErrorMap.Lookup(code);
        return new FailedRecipient
        {
            Recipient = recipient,
            Error = new GatewayError
            {
                Code = row.Code,
                ProviderCode = code.ToString(CultureInfo.InvariantCulture),
                Message = string.Create(CultureInfo.InvariantCulture, $"Tencent Cloud IM batchsendmsg to '{recipient}' failed with ErrorCode {code} ({row.Meaning})"),
                Transient = row.Transient,
            },
        };
    }

    /// <summary>No answer arrived (transport error, timeout, open circuit), or it could not be read.</summary>
    public static ProviderException Unreachable(string instance, TencentImApi api, Exception exception, TimeSpan breakDuration)
    {
        ArgumentNullException.ThrowIfNull(api);
        var (what, status, retryAfter) = exception switch
        {
            BrokenCircuitException broken => ("is refused locally: the circuit is open after repeated failures", 0, broken.RetryAfter ?? breakDuration),
            TimeoutRejectedException or OperationCanceledException => ("timed out (the outcome is unknown)", 0, (TimeSpan?)null),
            HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } => ("answered too much", 0, null),
            HttpRequestException http => ($"could not reach Tencent ({http.HttpRequestError})", (int?)http.StatusCode ?? 0, null),
            IOException => ("broke off its answer (the outcome is unknown)", 0, null),
            _ => ($"failed ({exception.GetType().Name})", 0, null),
        };
        return new ProviderException(instance, GatewayErrorCode.ProviderUnavailable, $"Tencent Cloud IM {api.Name} {what}", isTransient: true, status: status, retryAfter: retryAfter, innerException: exception);
    }
}
