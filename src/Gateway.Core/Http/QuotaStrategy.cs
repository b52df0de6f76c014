using Polly;

namespace Gateway.Core.Http;

/// <summary>
/// Waits for every permit an attempt costs, then lets it through; it never fails an attempt, it throttles. It sits twice
/// in a pipeline: outside the timeouts for the first attempt, and inside the retry for the retries (the inner one skips
/// the attempt the outer one already paid for). With <see cref="QuotaStrategyOptions.RecordGrants"/>, when each permit
/// was granted goes on the request (<see cref="QuotaGrants"/>), for a provider whose innermost handler checks the windows
/// are still open just before sending.
/// </summary>
internal sealed class QuotaStrategy(QuotaStrategyOptions options, QuotaStrategy.Placement placement) : ResilienceStrategy
{
    private static readonly ResiliencePropertyKey<bool> Paid = new("MessagingGateway.QuotaPaid");

    public enum Placement
    {
        /// <summary>Outside the timeouts: pays for the first attempt.</summary>
        FirstAttempt,

        /// <summary>Inside the retry: pays for every attempt the outer one did not.</summary>
        Retries,
    }

    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback,
        ResilienceContext context,
        TState state)
    {
        if (placement == Placement.Retries && context.Properties.TryGetValue(Paid, out var paid) && paid)
        {
            context.Properties.Set(Paid, false);
        }
        else
        {
            try
            {
                // Grants are recorded on the request only for an adapter that checks them before sending (no request: nothing recorded).
                var request = options.RecordGrants ? context.GetRequestMessage() : null;
                await QuotaGrants.AcquireAsync(request, options.Demands(context), options.Limiter, options.Instance, context.CancellationToken)
                    .ConfigureAwait(context.ContinueOnCapturedContext);
            }
            catch (Exception exception) when (exception is OperationCanceledException or Idempotency.StoreUnavailableException)
            {
                return Outcome.FromException<TResult>(exception);
            }

            if (placement == Placement.FirstAttempt)
            {
                context.Properties.Set(Paid, true);
            }
        }

        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }
}
