using Gateway.Core.RateLimiting;

namespace Gateway.Core.Http;

/// <summary>
/// When an attempt's permits were granted, carried on its request, so the innermost handler can check just before the
/// request goes on the wire that every window it was counted in is still open. A request that got late between the
/// quota strategy and the wire (a cold start, a thread descheduled on a busy machine, the first UserSig) would
/// otherwise reach the provider in the next window, on top of that window's full quota. It then takes its permits again
/// in the current window; the permit of the closed window stays unused, so a window never holds more than its limit.
/// </summary>
public static class QuotaGrants
{
    private static readonly HttpRequestOptionsKey<Dictionary<string, DateTimeOffset>> Key = new("MessagingGateway.QuotaGrants");

    /// <summary>Takes the permits of every demand and records on <paramref name="request"/> when each was granted.</summary>
    /// <param name="request">The request the permits are for (nothing is recorded when it is <see langword="null"/>).</param>
    /// <param name="demands">What the attempt costs.</param>
    /// <param name="limiter">The limiter.</param>
    /// <param name="provider">The provider instance, for the wait metric.</param>
    /// <param name="cancellationToken">The token to stop waiting.</param>
    /// <returns>A task that completes when every permit was granted.</returns>
    public static async ValueTask AcquireAsync(HttpRequestMessage? request, IReadOnlyList<QuotaDemand> demands, WindowRateLimiter limiter, string provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(demands);
        ArgumentNullException.ThrowIfNull(limiter);
        foreach (var demand in demands)
        {
            var grantedAt = await limiter.AcquireAtAsync(demand.Window, demand.Permits, provider, demand.Limiter, cancellationToken).ConfigureAwait(false);
            Record(request, demand.Window, grantedAt);
        }
    }

    /// <summary>
    /// Just before <paramref name="request"/> is sent: takes again, in the current window, the permits of every demand
    /// whose window has closed (or is within its guard of closing) since they were granted. Demands without a recorded
    /// grant are left alone.
    /// </summary>
    /// <param name="request">The request about to be sent.</param>
    /// <param name="demands">What it costs (the same demands its permits were taken for).</param>
    /// <param name="limiter">The limiter.</param>
    /// <param name="provider">The provider instance, for the wait metric.</param>
    /// <param name="cancellationToken">The token to stop waiting.</param>
    /// <returns>How many demands were taken again (0 when every window was still open).</returns>
    public static async ValueTask<int> RenewClosedAsync(HttpRequestMessage request, IReadOnlyList<QuotaDemand> demands, WindowRateLimiter limiter, string provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(demands);
        ArgumentNullException.ThrowIfNull(limiter);
        if (!request.Options.TryGetValue(Key, out var grants))
        {
            return 0;
        }

        // A wait for one window can outlast another's (a second-window wait crossing a minute): check again, a few times at most.
        var renewed = 0;
        for (var pass = 0; pass < 3; pass++)
        {
            var stale = false;
            foreach (var demand in demands)
            {
                if (grants.TryGetValue(demand.Window.Key, out var grantedAt) && !demand.Window.IsOpen(grantedAt, limiter.UtcNow))
                {
                    grants[demand.Window.Key] = await limiter.AcquireAtAsync(demand.Window, demand.Permits, provider, demand.Limiter, cancellationToken).ConfigureAwait(false);
                    renewed++;
                    stale = true;
                }
            }

            if (!stale)
            {
                break;
            }
        }

        return renewed;
    }

    private static void Record(HttpRequestMessage? request, RateLimitWindow window, DateTimeOffset grantedAt)
    {
        if (request is null)
        {
            return;
        }

        if (!request.Options.TryGetValue(Key, out var grants))
        {
            grants = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            request.Options.Set(Key, grants);
        }

        grants[window.Key] = grantedAt;
    }
}
