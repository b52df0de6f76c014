using Microsoft.Extensions.Time.Testing;

namespace Gateway.OpenIm.Tests.Support;

/// <summary>Moves a <see cref="FakeTimeProvider"/> for code that registers its timers on it while it runs (Polly's delays and timeouts, the rate limiter).</summary>
internal static class Clock
{
    /// <summary>Advances the clock by <paramref name="step"/> until <paramref name="task"/> completes, so every timer it registers fires, in order.</summary>
    /// <exception cref="TimeoutException">The task did not complete within <paramref name="limit"/> of fake time.</exception>
    public static async Task<T> AdvanceUntilDoneAsync<T>(this FakeTimeProvider clock, Task<T> task, TimeSpan step, TimeSpan limit)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(task);
        var advanced = TimeSpan.Zero;
        while (!task.IsCompleted)
        {
            if (advanced > limit)
            {
                throw new TimeoutException($"the task did not complete within {limit} of fake time");
            }

            clock.Advance(step);
            advanced += step;
            await Task.Delay(1);
        }

        return await task;
    }

    /// <summary>Waits (in real time, briefly) until <paramref name="condition"/> holds: for a request to reach the stub or the emulator.</summary>
    /// <exception cref="TimeoutException">The condition did not hold within five seconds.</exception>
    public static async Task UntilAsync(Func<bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        for (var i = 0; i < 1000; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException("the condition did not hold within 5 seconds");
    }
}
