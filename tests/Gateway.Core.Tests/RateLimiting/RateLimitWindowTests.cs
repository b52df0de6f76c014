using Gateway.Core.RateLimiting;

namespace Gateway.Core.Tests.RateLimiting;

public sealed class RateLimitWindowTests
{
    private const long Second = 1_772_000_000_000;

    private static readonly RateLimitWindow PerSecond = new("tencent:1:sendmsg", 200, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50));

    [Theory]
    [InlineData(100, 100, true)]
    [InlineData(100, 949, true)]
    [InlineData(100, 950, false)]
    [InlineData(940, 999, false)]
    [InlineData(940, 1_060, false)]
    [InlineData(100, 1_100, false)]
    public void IsOpen_SameAlignedWindowOutsideTheGuardOnly(long grantedMs, long nowMs, bool open) =>
        Assert.Equal(open, PerSecond.IsOpen(At(grantedMs), At(nowMs)));

    [Fact]
    public void IsOpen_MinuteWindow_OpenAcrossSecondsOfTheSameMinute()
    {
        // Second is 20 s into an aligned minute (1_772_000_000 = 29_533_333 min + 20 s).
        var perMinute = new RateLimitWindow("tencent:1:batch_recipients", 12_000, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(50));

        Assert.True(perMinute.IsOpen(At(0), At(30_000)));
        Assert.False(perMinute.IsOpen(At(0), At(39_960)));
        Assert.False(perMinute.IsOpen(At(0), At(40_100)));
    }

    private static DateTimeOffset At(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(Second + milliseconds);
}
