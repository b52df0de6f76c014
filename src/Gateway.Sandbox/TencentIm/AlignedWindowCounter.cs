namespace Gateway.Sandbox.TencentIm;

/// <summary>
/// Counts weighted events in aligned windows of the emulator's clock: window <c>k</c> of a counter of length
/// <c>L</c> is <c>[k·L, (k+1)·L)</c> of its UTC time (second <c>k</c> is <c>[k, k+1)</c>, minute <c>k</c> likewise), and each
/// window holds at most the limit. This is how the gateway's limiter assumes Tencent counts ("per API, per second");
/// Tencent does not document its counting. A window that straddles two aligned ones may hold up to twice the limit.
/// </summary>
internal sealed class AlignedWindowCounter(TimeSpan length)
{
    private long _window = long.MinValue;
    private long _count;

    /// <summary>Adds <paramref name="weight"/> to the window <paramref name="now"/> falls in, if that window stays within <paramref name="limit"/>.</summary>
    /// <param name="now">The emulator clock's time.</param>
    /// <param name="weight">What the event costs (1 per request, or the recipients of a batch).</param>
    /// <param name="limit">The most one window holds.</param>
    /// <returns><see langword="true"/> when the event was counted; <see langword="false"/> when it would exceed the limit (nothing is counted).</returns>
    public bool TryAdd(DateTimeOffset now, int weight, int limit)
    {
        // UTC ticks count from 0001-01-01, a whole number of minutes before the Unix epoch, so these windows are the
        // aligned seconds and minutes of Unix time too.
        var window = now.UtcTicks / length.Ticks;
        if (window != _window)
        {
            _window = window;
            _count = 0;
        }

        if (_count + weight > limit)
        {
            return false;
        }

        _count += weight;
        return true;
    }
}
