namespace Gateway.Sandbox.TencentIm;

/// <summary>Counts weighted events in a sliding time window; strict: any window of that length holds at most the limit.</summary>
internal sealed class SlidingWindowCounter(TimeSpan window)
{
    private readonly Queue<(long Timestamp, int Weight)> _events = new();
    private long _total;

    /// <summary>Adds <paramref name="weight"/> at <paramref name="now"/> if the window (now − window, now] stays within <paramref name="limit"/>.</summary>
    public bool TryAdd(long now, long frequency, int weight, int limit)
    {
        var windowTicks = (long)(window.TotalSeconds * frequency);
        while (_events.Count > 0 && now - _events.Peek().Timestamp >= windowTicks)
        {
            _total -= _events.Dequeue().Weight;
        }

        if (_total + weight > limit)
        {
            return false;
        }

        _events.Enqueue((now, weight));
        _total += weight;
        return true;
    }
}
