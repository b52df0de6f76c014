using Gateway.Core.Http;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Gateway.OpenIm.Http;

/// <summary>
/// The OpenIM client's request log, in place of the client factory's default one: one event per HTTP attempt with the
/// method, the route as a path (no host, no query), the status and the time, and never a header. The default logger
/// redacts the <c>token</c> header only in its formatted text; its structured state carries the raw header values, which
/// structured sinks (the JSON console formatter, OpenTelemetry) write out at trace level.
/// </summary>
internal sealed class OpenImHttpLogger(ILogger<OpenImHttpLogger> logger) : IHttpClientLogger
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
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.HttpResponseReceived(request.ProviderInstanceOrEmpty(), request.Method.Method, PathOf(request), (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exception);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var error = exception is HttpRequestException http ? http.HttpRequestError.ToString() : exception.GetType().Name;
            logger.HttpRequestFailed(request.ProviderInstanceOrEmpty(), request.Method.Method, PathOf(request), error, elapsed.TotalMilliseconds);
        }
    }

    private static string PathOf(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "/";
}
