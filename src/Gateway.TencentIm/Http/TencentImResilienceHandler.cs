using Gateway.TencentIm.Internal;
using Polly;

namespace Gateway.TencentIm.Http;

/// <summary>
/// Runs each call through its instance's pipeline (<see cref="TencentImPipelineFactory"/>). Takes the first attempt's
/// rate-limit permits before the timeouts start, so waiting in a burst never uses up the retry budget, then sends a
/// fresh request with the same body bytes per attempt.
/// </summary>
internal sealed class TencentImResilienceHandler(TencentImInstance instance) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(TencentImCall.OptionsKey, out var call))
        {
            throw new InvalidOperationException("Requests of the Tencent Cloud IM client must carry their TencentImCall.");
        }

        await instance.Limiter.WaitAsync(call, instance.Observer, cancellationToken).ConfigureAwait(false);
        call.PermitHeld = true;

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TencentImCall.PropertyKey, call);
        try
        {
            var outcome = await instance.Pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        var attempt = state.Call.CreateRequest();
                        return Outcome.FromResult(await state.Handler.SendAttemptAsync(attempt, ctx.CancellationToken).ConfigureAwait(ctx.ContinueOnCapturedContext));
                    }
                    catch (Exception exception)
                    {
                        return Outcome.FromException<HttpResponseMessage>(exception);
                    }
                },
                context,
                (Handler: this, Call: call)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage attempt, CancellationToken cancellationToken) =>
        base.SendAsync(attempt, cancellationToken);
}
