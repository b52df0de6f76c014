using Gateway.Sandbox.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.TencentIm.Tests.Support;

/// <summary>Waits (in real time, briefly) for what a <see cref="FakeTimeProvider"/>-driven call does next.</summary>
internal static class Clock
{
    /// <summary>Waits until the emulator has received <paramref name="count"/> requests, then lets in-flight work settle.</summary>
    public static async Task RequestsAsync(SandboxServer emulator, int count)
    {
        for (var i = 0; i < 500 && emulator.Requests.Count < count; i++)
        {
            await Task.Delay(10);
        }

        Assert.True(emulator.Requests.Count >= count, $"expected {count} requests, got {emulator.Requests.Count}");
        await Task.Delay(50);
    }

    /// <summary>Advances the clock in small steps until the task is done (retry delays scheduled after an advance need another one).</summary>
    public static async Task<T> DriveAsync<T>(FakeTimeProvider clock, Task<T> task, TimeSpan step)
    {
        for (var i = 0; i < 500 && !task.IsCompleted; i++)
        {
            clock.Advance(step);
            await Task.Delay(10);
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
