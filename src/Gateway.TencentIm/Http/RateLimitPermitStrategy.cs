using Gateway.TencentIm.RateLimiting;
using Polly;

namespace Gateway.TencentIm.Http;

/// <summary>
/// Waits for the call's rate-limit permits before each retry, so retries count against the quotas too. Placed after
/// the retry and before the circuit breaker and the attempt timeout, so waiting never times an attempt out. The first
/// attempt's permits are taken before the pipeline starts (see <see cref="TencentImResilienceHandler"/>).
/// </summary>
internal sealed class RateLimitPermitStrategy(TencentImRateLimiter limiter, RateLimitObserver observer) : ResilienceStrategy
{
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback,
        ResilienceContext context,
        TState state)
    {
        if (context.Properties.TryGetValue(TencentImCall.PropertyKey, out var call))
        {
            if (call.PermitHeld)
            {
                call.PermitHeld = false;
            }
            else
            {
                try
                {
                    await limiter.WaitAsync(call, observer, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
                }
                catch (OperationCanceledException exception)
                {
                    return Outcome.FromException<TResult>(exception);
                }
            }
        }

        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }
}
