namespace Gateway.Core.RateLimiting;

/// <summary>One quota: a key (for example <c>tencent:1400000000:sendmsg</c>), at most <paramref name="Limit"/> permits per aligned window of <paramref name="Length"/>.</summary>
/// <param name="Key">The quota's key; processes that use the same key share it.</param>
/// <param name="Limit">The most permits one window grants.</param>
/// <param name="Length">The window length (1 second for per-second quotas, 1 minute for per-minute ones).</param>
/// <param name="Guard">
/// No permit is granted within this time of either edge of a window, so that a request reaches the provider inside the
/// window it was counted in even when it is a little late or the clocks differ a little.
/// </param>
public readonly record struct RateLimitWindow(string Key, int Limit, TimeSpan Length, TimeSpan Guard)
{
    /// <summary>
    /// Gets whether a permit granted at <paramref name="grantedAt"/> may still be used at <paramref name="now"/>: both
    /// fall in the same aligned window (window <c>k</c> is <c>[k·Length, (k+1)·Length)</c> of Unix time, as the stores
    /// count them, on whichever clock both readings come from), and <paramref name="now"/> is not within
    /// <see cref="Guard"/> of its end. With a shared store that counts on its server's clock, this check reads the
    /// gateway's clock: it is as precise as the two clocks agree.
    /// </summary>
    /// <param name="grantedAt">When the permit was granted (or a moment before: an earlier reading only makes the answer stricter).</param>
    /// <param name="now">The moment of use.</param>
    /// <returns><see langword="true"/> when a request sent now is still counted in the window that granted the permit.</returns>
    public bool IsOpen(DateTimeOffset grantedAt, DateTimeOffset now)
    {
        var length = (long)Length.TotalMilliseconds;
        var index = grantedAt.ToUnixTimeMilliseconds() / length;
        var nowMilliseconds = now.ToUnixTimeMilliseconds();
        return nowMilliseconds / length == index && nowMilliseconds - (index * length) < length - (long)Guard.TotalMilliseconds;
    }
}
