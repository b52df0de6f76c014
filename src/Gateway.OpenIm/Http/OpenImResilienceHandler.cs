using Gateway.OpenIm.Internal;
using Polly;

namespace Gateway.OpenIm.Http;

/// <summary>
/// Runs every request of the instance's named client through its resilience pipeline. The pipeline (and so the circuit
/// breaker's state) belongs to the instance, not to this handler, so it survives the client factory's handler rotation.
/// A retry sends the same request again, byte for byte.
/// </summary>
internal sealed class OpenImResilienceHandler(OpenImInstance instance) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OpenImResiliencePipeline.OperationKey, request.RequestUri?.AbsolutePath ?? "request");
        try
        {
            return await instance.Pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendCoreAsync(state.Request, ctx.CancellationToken)),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
