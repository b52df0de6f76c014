using System.Collections.Concurrent;
using Gateway.Core.RateLimiting;

namespace Gateway.TencentIm.Tests.Support;

/// <summary>A rate-limit store that grants everything and records what each take asked for.</summary>
internal sealed class RecordingRateLimitStore : IRateLimitStore
{
    private readonly ConcurrentQueue<(RateLimitWindow Window, int Permits)> _takes = new();

    public IReadOnlyList<(RateLimitWindow Window, int Permits)> Takes => [.. _takes];

    public ValueTask<RateLimitGrant> TryTakeAsync(RateLimitWindow window, int permits, CancellationToken cancellationToken = default)
    {
        _takes.Enqueue((window, permits));
        return new ValueTask<RateLimitGrant>(new RateLimitGrant(true, TimeSpan.Zero));
    }
}
