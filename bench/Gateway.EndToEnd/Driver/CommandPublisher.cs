using System.Diagnostics;

namespace Gateway.EndToEnd.Driver;

/// <summary>
/// Publishes the run's commands with publisher confirms, recording each publish time (Stopwatch ticks, taken just
/// before the publish call) by message index. Up to <see cref="Window"/> publishes are outstanding at once.
/// </summary>
internal static class CommandPublisher
{
    public const int Window = 256;

    /// <summary>Publishes every command as fast as confirms allow (the prefill of the saturated scenarios).</summary>
    /// <param name="session">The broker session.</param>
    /// <param name="bodies">The commands, by index.</param>
    /// <param name="publishedAt">Receives the publish times.</param>
    /// <param name="cancellationToken">Cancels publishing.</param>
    /// <returns>How long it took.</returns>
    public static async Task<TimeSpan> PrefillAsync(BrokerSession session, byte[][] bodies, long[] publishedAt, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var pending = new Task[Window];
        for (var start = 0; start < bodies.Length; start += Window)
        {
            var count = Math.Min(Window, bodies.Length - start);
            for (var i = 0; i < count; i++)
            {
                publishedAt[start + i] = Stopwatch.GetTimestamp();
                pending[i] = session.PublishAsync(bodies[start + i], cancellationToken).AsTask();
            }

            await Task.WhenAll(pending.AsSpan(0, count));
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Publishes at a fixed rate: whenever the schedule (<paramref name="ratePerSecond"/> from the start) is ahead of
    /// what was published, the missing commands go out at once, so a late tick is caught up rather than lost.
    /// </summary>
    /// <param name="session">The broker session.</param>
    /// <param name="bodies">The commands, by index.</param>
    /// <param name="publishedAt">Receives the publish times.</param>
    /// <param name="ratePerSecond">The rate.</param>
    /// <param name="cancellationToken">Cancels publishing.</param>
    /// <returns>How long it took.</returns>
    public static async Task<TimeSpan> PaceAsync(BrokerSession session, byte[][] bodies, long[] publishedAt, int ratePerSecond, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var limit = TimeSpan.FromSeconds((bodies.Length / (double)ratePerSecond * 3) + 30);
        var pending = new Task[Window];
        var next = 0;
        while (next < bodies.Length)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > limit)
            {
                throw new TimeoutException($"paced publishing fell behind: {next} of {bodies.Length} published after {elapsed.TotalSeconds:0} s");
            }

            var due = (int)Math.Min(bodies.Length, (long)(elapsed.TotalSeconds * ratePerSecond) + 1);
            if (due <= next)
            {
                await Task.Delay(1, cancellationToken);
                continue;
            }

            var count = Math.Min(Window, due - next);
            for (var i = 0; i < count; i++)
            {
                publishedAt[next + i] = Stopwatch.GetTimestamp();
                pending[i] = session.PublishAsync(bodies[next + i], cancellationToken).AsTask();
            }

            await Task.WhenAll(pending.AsSpan(0, count));

            next += count;
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
