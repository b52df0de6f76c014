using Gateway.OpenIm.Internal;

namespace Gateway.OpenIm.Http;

/// <summary>
/// Adds OpenIM's headers to the instance's requests: <c>operationID</c> (v3; v2 carries it in the body) and the admin
/// <c>token</c> from the instance's token cache (not on the token request itself). Sits inside the resilience handler,
/// so each attempt carries the current token.
/// </summary>
internal sealed class OpenImAuthHandler(OpenImInstance instance) : DelegatingHandler
{
    /// <summary>The v3 operationID header.</summary>
    public const string OperationIdHeader = "operationID";

    /// <summary>The admin token header.</summary>
    public const string TokenHeader = "token";

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(OpenImRequestOptions.OperationId, out var operationId))
        {
            if (instance.Options.ApiVersion != OpenImApiVersion.V2)
            {
                request.Headers.Remove(OperationIdHeader);
                request.Headers.TryAddWithoutValidation(OperationIdHeader, operationId);
            }

            if (!request.Options.TryGetValue(OpenImRequestOptions.Authenticated, out var authenticated) || authenticated)
            {
                var token = await instance.TokenCache.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                request.Headers.Remove(TokenHeader);
                request.Headers.TryAddWithoutValidation(TokenHeader, token);
                request.Options.Set(OpenImRequestOptions.TokenUsed, token);
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
