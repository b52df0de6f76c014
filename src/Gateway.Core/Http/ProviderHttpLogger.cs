using Gateway.Core.Diagnostics;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Gateway.Core.Http;

/// <summary>
/// Every provider client's request log, in place of the client factory's default one: one debug event per HTTP attempt
/// with the instance, the method, the route as a path (no host, no query), the status and the time, and never a header.
/// The default logger redacts a header such as OpenIM's <c>token</c> only in its formatted text; its structured state
/// carries the raw values, which structured sinks (the JSON console formatter, OpenTelemetry) write out. It is also far
/// cheaper per request than the default logging handlers.
/// </summary>
internal sealed class ProviderHttpLogger(ILogger<ProviderHttpLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.HttpRequestSending(request.ProviderInstanceOrEmpty(), request.Method.Method, PathOf(request));
        }

        return null;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.HttpResponseReceived(request.ProviderInstanceOrEmpty(), request.Method.Method, PathOf(request), (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exception);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var error = exception is HttpRequestException http ? http.HttpRequestError.ToString() : exception.GetType().Name;
            logger.HttpRequestFailed(request.ProviderInstanceOrEmpty(), request.Method.Method, PathOf(request), error, elapsed.TotalMilliseconds);
        }
    }

    private static string PathOf(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "/";
}
