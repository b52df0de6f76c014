namespace Gateway.Core.RateLimiting;

/// <summary>
/// Counts permits in aligned time windows (second <c>k</c> is <c>[k, k+1)</c> of the store's clock), so every process that
/// shares a store shares a quota. A window grants at most its limit; a take either gets all its permits or none.
/// The in-memory default serves one process; a shared store (Redis) serves every worker of one provider app.
/// </summary>
public interface IRateLimitStore
{
    /// <summary>Takes <paramref name="permits"/> from the current window of <paramref name="window"/>, or none.</summary>
    /// <param name="window">Which quota, its limit and its window length.</param>
    /// <param name="permits">How many permits (for example 1 per request, or the recipients of a batch call).</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>Whether the permits were granted, and if not, how long to wait before asking again.</returns>
    ValueTask<RateLimitGrant> TryTakeAsync(RateLimitWindow window, int permits, CancellationToken cancellationToken = default);
}
