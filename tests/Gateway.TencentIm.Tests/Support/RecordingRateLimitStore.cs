using System.Collections.Concurrent;
using Gateway.Core.RateLimiting;

namespace Gateway.TencentIm.Tests.Support;

/// <summary>A rate-limit store that grants everything and records what each take asked for.</summary>
internal sealed class RecordingRateLimitStore : IRateLimitStore
{
    private readonly ConcurrentQueue<(RateLimitWindow Window, int Permits)> _takes = new();

    public IReadOnlyList<(RateLimitWindow Window, int Permits)> Takes => [.. _takes];

    /// <summary>Gets what runs after each take, with its index (0 for the first): for example a clock moved on.</summary>
    public Action<int>? AfterTake { get; init; }

    public ValueTask<RateLimitGrant> TryTakeAsync(RateLimitWindow window, int permits, CancellationToken cancellationToken = default)
    {
        _takes.Enqueue((window, permits));
        AfterTake?.Invoke(_takes.Count - 1);
        return new ValueTask<RateLimitGrant>(new RateLimitGrant(true, TimeSpan.Zero));
    }
}
