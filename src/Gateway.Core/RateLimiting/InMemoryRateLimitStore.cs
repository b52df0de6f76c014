namespace Gateway.Core.RateLimiting;

/// <summary>The default rate-limit store: aligned windows counted in this process's memory, on <see cref="TimeProvider"/>'s clock.</summary>
internal sealed class InMemoryRateLimitStore(TimeProvider timeProvider) : IRateLimitStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Window, int Count)> _windows = new(StringComparer.Ordinal);

    public ValueTask<RateLimitGrant> TryTakeAsync(RateLimitWindow window, int permits, CancellationToken cancellationToken = default) =>
        new(Take(window, permits, timeProvider.GetUtcNow().ToUnixTimeMilliseconds()));

    internal RateLimitGrant Take(RateLimitWindow window, int permits, long nowMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permits, window.Limit);
        var length = (long)window.Length.TotalMilliseconds;
        var guard = (long)window.Guard.TotalMilliseconds;
        var index = nowMilliseconds / length;
        var intoWindow = nowMilliseconds - (index * length);
        var nextOpens = TimeSpan.FromMilliseconds(length - intoWindow + guard);
        if (intoWindow < guard)
        {
            return new RateLimitGrant(false, TimeSpan.FromMilliseconds(guard - intoWindow));
        }

        if (intoWindow >= length - guard)
        {
            return new RateLimitGrant(false, nextOpens);
        }

        lock (_lock)
        {
            var count = _windows.TryGetValue(window.Key, out var current) && current.Window == index ? current.Count : 0;
            if (count + permits > window.Limit)
            {
                return new RateLimitGrant(false, nextOpens);
            }

            _windows[window.Key] = (index, count + permits);
            return new RateLimitGrant(true, TimeSpan.Zero);
        }
    }
}
