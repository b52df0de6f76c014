using System.Threading.RateLimiting;

namespace Gateway.TencentIm.RateLimiting;

/// <summary>
/// Sizes a token bucket so that it never grants more than the quota in ANY window of the quota's length, whatever the
/// alignment. The buckets refill in proportion to elapsed time (manual replenishment driven by a timer), so a late or
/// bunched timer tick cannot add tokens. In any window as long as the replenishment period the bucket grants at most
/// <c>2 × TokenLimit + TokensPerPeriod</c>: its capacity, one window of refill, and one more capacity because the BCL
/// bucket refills a bucket emptied right after an idle spell in one step. That total is kept to
/// <c>quota × (1 − safetyMargin)</c>, which leaves room for requests that reach Tencent later than their permit.
/// </summary>
internal static class QuotaBuckets
{
    public static TokenBucketRateLimiterOptions Create(int quota, TimeSpan window, double safetyMargin, int minBurst = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quota, 3);
        var budget = Math.Max(3, (int)Math.Floor(quota * (1 - safetyMargin)));
        var burst = Math.Clamp(Math.Max(minBurst, budget / 20), 1, (budget - 1) / 2);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = budget - (2 * burst),
            ReplenishmentPeriod = window,
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        };
    }

    /// <summary>The most permits the bucket can grant in any window as long as its replenishment period.</summary>
    public static long WorstCaseInWindow(TokenBucketRateLimiterOptions options) => (2L * options.TokenLimit) + options.TokensPerPeriod;
}
