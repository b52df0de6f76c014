using System.Threading.RateLimiting;

namespace Gateway.TencentIm.RateLimiting;

/// <summary>
/// Sizes a token bucket so that it never grants more than the quota in ANY window of the quota's length, whatever
/// the alignment: bucket capacity + the refills that fit in one window (counting both ends) stay within 95% of the
/// quota, which leaves room for requests that reach the server later than their permit was granted.
/// </summary>
internal static class QuotaBuckets
{
    private static readonly int[] TicksPerWindow = [1, 2, 4, 5, 10, 20, 40, 60];
    private static readonly TimeSpan ShortestPeriod = TimeSpan.FromMilliseconds(25);

    public static TokenBucketRateLimiterOptions Create(int quota, TimeSpan window, int minBurst = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quota, 1);
        var budget = quota - Math.Max(1, quota / 20);
        (int Burst, int PerTick, int Ticks)? best = null;
        foreach (var ticks in TicksPerWindow)
        {
            if (window / ticks < ShortestPeriod)
            {
                continue;
            }

            var burst = Math.Max(minBurst, (int)Math.Ceiling(budget / (double)(ticks + 2)));
            var perTick = (budget - burst) / (ticks + 1);
            if (perTick >= 1 && (best is null || perTick * ticks > best.Value.PerTick * best.Value.Ticks))
            {
                best = (burst, perTick, ticks);
            }
        }

        // Quotas too small to split keep one permit per window (validation keeps real settings away from this).
        var (tokenLimit, tokensPerPeriod, periods) = best ?? (Math.Max(1, minBurst), 1, 1);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokenLimit,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = window / periods,
            AutoReplenishment = true,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
    }

    /// <summary>The most permits the bucket can grant in any window of <paramref name="window"/> (for tests and docs).</summary>
    public static long WorstCaseInWindow(TokenBucketRateLimiterOptions options, TimeSpan window) =>
        options.TokenLimit + ((long)(window / options.ReplenishmentPeriod) + 1) * options.TokensPerPeriod;
}
