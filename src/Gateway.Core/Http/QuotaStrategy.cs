using Polly;

namespace Gateway.Core.Http;

/// <summary>Waits for every permit an attempt costs, then lets it through. It never fails an attempt: it throttles.</summary>
internal sealed class QuotaStrategy(QuotaStrategyOptions options) : ResilienceStrategy
{
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback,
        ResilienceContext context,
        TState state)
    {
        try
        {
            foreach (var demand in options.Demands(context))
            {
                await options.Limiter.AcquireAsync(demand.Window, demand.Permits, options.Instance, demand.Limiter, context.CancellationToken)
                    .ConfigureAwait(context.ContinueOnCapturedContext);
            }
        }
        catch (OperationCanceledException exception)
        {
            return Outcome.FromException<TResult>(exception);
        }

        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }
}
