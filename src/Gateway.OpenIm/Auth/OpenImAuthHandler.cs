using Gateway.Core.Diagnostics;
using Gateway.Core.Http;
using Gateway.OpenIm.Errors;
using Gateway.OpenIm.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.OpenIm.Auth;

/// <summary>
/// The innermost handler of the OpenIM client (inside the resilience handler, so every attempt carries the current
/// token): adds the <c>operationID</c> header (v3; v2 carries it in the body) and the admin <c>token</c>, reads and
/// parses the answer once, and when the server rejects the token (v3 1501–1507, v2 HTTP 400 "parse token failed")
/// renews it and replays the request once.
/// </summary>
internal sealed class OpenImAuthHandler(
    IServiceProvider services,
    IOptionsMonitor<OpenImOptions> optionsMonitor,
    GatewayMetrics metrics,
    TimeProvider timeProvider,
    ILogger<OpenImAuthHandler> logger) : DelegatingHandler
{
    /// <summary>The v3 operationID header.</summary>
    public const string OperationIdHeader = "operationID";

    /// <summary>The admin token header (redacted in the client factory's logs).</summary>
    public const string TokenHeader = "token";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instance = request.GetProviderInstance();
        var options = optionsMonitor.Get(instance);
        var legacy = options.ApiVersion == OpenImApiVersion.V2;
        if (!legacy)
        {
            SetOperationId(request, OpenImRequest.OperationId(request));
        }

        if (OpenImRequest.IsAnonymous(request))
        {
            var plain = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await OpenImAnswerReader.ReadAsync(plain, options.MaxResponseBytes, timeProvider, cancellationToken).ConfigureAwait(false);
            return plain;
        }

        var tokens = services.GetRequiredKeyedService<OpenImTokenCache>(instance);
        var token = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        SetToken(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = await OpenImAnswerReader.ReadAsync(response, options.MaxResponseBytes, timeProvider, cancellationToken).ConfigureAwait(false);
        if (!OpenImErrorMap.IsTokenError(legacy, answer.Status, answer.Envelope?.ErrCode, answer.Envelope?.ErrMsg))
        {
            return response;
        }

        logger.TokenRejected(instance, request.RequestUri?.AbsolutePath ?? "request", answer.Status, answer.Envelope?.ErrCode);
        metrics.Retried(instance, "token_refresh");
        response.Dispose();
        SetToken(request, await tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false));
        if (!legacy)
        {
            // The replay is a new request for the server's logs; retries of it by the pipeline repeat this id.
            SetOperationId(request, OpenImRequest.RenewOperationId(request));
        }

        var replay = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await OpenImAnswerReader.ReadAsync(replay, options.MaxResponseBytes, timeProvider, cancellationToken).ConfigureAwait(false);
        return replay;
    }

    private static void SetOperationId(HttpRequestMessage request, string operationId)
    {
        request.Headers.Remove(OperationIdHeader);
        request.Headers.TryAddWithoutValidation(OperationIdHeader, operationId);
    }

    private static void SetToken(HttpRequestMessage request, string token)
    {
        request.Headers.Remove(TokenHeader);
        request.Headers.TryAddWithoutValidation(TokenHeader, token);
    }
}
