using System.Globalization;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Gateway.OpenIm.Errors;

/// <summary>
/// The exceptions the OpenIM adapter throws, built from the error map's classification. Messages quote the route and
/// OpenIM's own words, never the host, the query, the token or the secret.
/// </summary>
internal static class OpenImFailures
{
    /// <summary>A failed answer to a send; a rate-limited one without Retry-After asks the bus to wait <paramref name="rateLimitedDelay"/>.</summary>
    public static ProviderException Refused(string instance, bool legacyV2, string path, int status, int? errCode, string? errMsg, string? errDlt, TimeSpan? retryAfter, TimeSpan rateLimitedDelay)
    {
        var row = OpenImErrorMap.Classify(legacyV2, status, errCode, errMsg, errDlt);
        string message;
        if (errCode is { } code and not 0)
        {
            var detail = string.IsNullOrEmpty(errDlt) ? string.Empty : ": " + errDlt;
            message = $"OpenIM /{path} answered errCode {code} {errMsg}{detail} (HTTP {status})";
            if (row.Code == GatewayErrorCode.Unauthorized)
            {
                message += "; still refused after fetching a new admin token";
            }
        }
        else
        {
            message = $"OpenIM /{path} answered {row.Name}";
        }

        return new ProviderException(
            instance,
            row.Code,
            message,
            row.Transient,
            status,
            errCode is { } raw and not 0 ? raw.ToString(CultureInfo.InvariantCulture) : null,
            retryAfter ?? (row.Code == GatewayErrorCode.RateLimited ? rateLimitedDelay : null));
    }

    /// <summary>A refused admin-token request: a credential or configuration problem, unless the server itself was failing.</summary>
    public static ProviderException TokenRefused(string instance, OpenImApiVersion version, string path, int status, int? errCode, string? errMsg, string? errDlt, TimeSpan? retryAfter)
    {
        var row = OpenImErrorMap.Classify(version == OpenImApiVersion.V2, status, errCode, errMsg, errDlt);
        var said = errCode is null
            ? $"HTTP {status}"
            : $"HTTP {status}, errCode {errCode} {errMsg}{(string.IsNullOrEmpty(errDlt) ? string.Empty : ": " + errDlt)}";
        var code = row.Transient ? row.Code
            : status == 404 ? GatewayErrorCode.Forbidden
            : GatewayErrorCode.Unauthorized;
        var hint = errCode == 0 ? "the answer carried no token"
            : status == 404 ? $"the server has no /{path}; check BaseUrl and ApiVersion ({version})"
            : "check Secret, AdminUserId and ApiVersion";
        return new ProviderException(
            instance,
            code,
            $"OpenIM refused the admin token request /{path} ({said}); {hint}",
            isTransient: row.Transient,
            status: status,
            providerErrorCode: errCode?.ToString(CultureInfo.InvariantCulture),
            retryAfter: retryAfter);
    }

    /// <summary>No answer arrived (transport error, timeout, open circuit), or the answer could not be read.</summary>
    public static ProviderException Unreachable(string instance, string path, Exception exception)
    {
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded } tooLarge)
        {
            return new ProviderException(instance, GatewayErrorCode.Unknown, $"OpenIM /{path}: {tooLarge.Message}", isTransient: false, innerException: exception);
        }

        var (message, retryAfter) = exception switch
        {
            TimeoutRejectedException timeout => ($"OpenIM /{path} timed out after {timeout.Timeout} (the server may have taken the message)", (TimeSpan?)null),
            BrokenCircuitException broken => ($"OpenIM provider '{instance}' is failing; its circuit breaker is open", broken.RetryAfter),
            HttpRequestException http => ($"OpenIM /{path} could not be reached ({http.HttpRequestError}{(http.StatusCode is { } status ? $", HTTP {(int)status}" : string.Empty)})", null),
            _ => ($"OpenIM /{path} failed ({exception.GetType().Name})", null),
        };
        return new ProviderException(instance, GatewayErrorCode.ProviderUnavailable, message, isTransient: true, retryAfter: retryAfter, innerException: exception);
    }
}
