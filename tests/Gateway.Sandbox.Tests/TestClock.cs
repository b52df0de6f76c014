using Microsoft.Extensions.Time.Testing;

namespace Gateway.Sandbox.Tests;

/// <summary>
/// The emulator tests' clock: a <see cref="FakeTimeProvider"/> at 2026-01-01T00:00:00Z, the start of an aligned second
/// and minute. The emulators only read it (they set no timers), so its timer semantics (each due timer fires on
/// <see cref="FakeTimeProvider.Advance"/>, seeing its due time) do not matter here.
/// </summary>
internal static class TestClock
{
    /// <summary>Gets the time every test clock starts at.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Creates a clock at <see cref="Start"/>.</summary>
    public static FakeTimeProvider Create() => new(Start);
}
