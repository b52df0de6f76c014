using Gateway.Core.Diagnostics;

namespace Gateway.Core.RateLimiting;

/// <summary>
/// Waits until a quota grants permits: asks the configured <see cref="IRateLimitStore"/> and, when the window is full,
/// sleeps until the next one opens. Waiting is the point: the gateway throttles itself instead of collecting
/// rate-limit errors. Time spent waiting is recorded in <c>messaging_gateway.rate_limit.wait</c>.
/// </summary>
public sealed class WindowRateLimiter
{
    private readonly IRateLimitStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly GatewayMetrics _metrics;

    internal WindowRateLimiter(IRateLimitStore store, TimeProvider timeProvider, GatewayMetrics metrics)
    {
        _store = store;
        _timeProvider = timeProvider;
        _metrics = metrics;
    }

    /// <summary>Gets the time on the clock the limiter reads (the windows of the in-memory store are counted on it too).</summary>
    public DateTimeOffset UtcNow => _timeProvider.GetUtcNow();

    /// <summary>Waits for <paramref name="permits"/> permits of <paramref name="window"/>.</summary>
    /// <param name="window">The quota.</param>
    /// <param name="permits">How many permits; at most the window's limit.</param>
    /// <param name="provider">The provider instance, for the wait metric.</param>
    /// <param name="limiter">The limiter's name, for the wait metric (for example <c>sendmsg</c>).</param>
    /// <param name="cancellationToken">The token to stop waiting.</param>
    /// <returns>How long the caller waited.</returns>
    public async ValueTask<TimeSpan> AcquireAsync(RateLimitWindow window, int permits, string provider, string limiter, CancellationToken cancellationToken = default) =>
        (await AcquireCoreAsync(window, permits, provider, limiter, cancellationToken).ConfigureAwait(false)).Waited;

    /// <summary>Waits for <paramref name="permits"/> permits of <paramref name="window"/> and says when they were granted.</summary>
    /// <param name="window">The quota.</param>
    /// <param name="permits">How many permits; at most the window's limit.</param>
    /// <param name="provider">The provider instance, for the wait metric.</param>
    /// <param name="limiter">The limiter's name, for the wait metric (for example <c>sendmsg</c>).</param>
    /// <param name="cancellationToken">The token to stop waiting.</param>
    /// <returns>
    /// The clock's reading just before the store granted them: never later than the grant, so
    /// <see cref="RateLimitWindow.IsOpen"/> on it errs only towards taking permits again.
    /// </returns>
    public async ValueTask<DateTimeOffset> AcquireAtAsync(RateLimitWindow window, int permits, string provider, string limiter, CancellationToken cancellationToken = default) =>
        (await AcquireCoreAsync(window, permits, provider, limiter, cancellationToken).ConfigureAwait(false)).GrantedAt;

    private async ValueTask<(TimeSpan Waited, DateTimeOffset GrantedAt)> AcquireCoreAsync(RateLimitWindow window, int permits, string provider, string limiter, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permits, window.Limit);
        var askedAt = _timeProvider.GetUtcNow();
        var grant = await _store.TryTakeAsync(window, permits, cancellationToken).ConfigureAwait(false);
        if (grant.Granted)
        {
            return (TimeSpan.Zero, askedAt);
        }

        var started = _timeProvider.GetTimestamp();
        while (!grant.Granted)
        {
            await Task.Delay(grant.RetryAfter, _timeProvider, cancellationToken).ConfigureAwait(false);
            askedAt = _timeProvider.GetUtcNow();
            grant = await _store.TryTakeAsync(window, permits, cancellationToken).ConfigureAwait(false);
        }

        var waited = _timeProvider.GetElapsedTime(started);
        _metrics.RateLimitWaited(provider, limiter, waited);
        return (waited, askedAt);
    }
}
