using Gateway.Core.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Core.Tests.RateLimiting;

public class InMemoryRateLimitStoreTests
{
    // Three permits per aligned second; nothing within 50 ms of either edge of a window.
    private static readonly RateLimitWindow Window = new("tencent:1400000000:sendmsg", 3, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50));

    [Fact]
    public void Take_WithinTheLimit_GrantsEveryPermit()
    {
        var store = CreateSut();

        var grants = Enumerable.Range(0, 3).Select(_ => store.Take(Window, 1, At(10, 100))).ToArray();

        Assert.All(grants, g => Assert.Equal(new RateLimitGrant(true, TimeSpan.Zero), g));
    }

    [Fact]
    public void Take_WindowFull_DeniedUntilTheNextWindowOpensAfterItsGuard()
    {
        var store = CreateSut();
        store.Take(Window, 3, At(10, 100));

        var denied = store.Take(Window, 1, At(10, 300));

        // 700 ms to the end of this window, then the next window's 50 ms guard.
        Assert.Equal(new RateLimitGrant(false, TimeSpan.FromMilliseconds(750)), denied);
    }

    [Fact]
    public void Take_NextAlignedWindow_CountsFromZero()
    {
        var store = CreateSut();
        store.Take(Window, 3, At(10, 900));

        var nextWindow = store.Take(Window, 3, At(11, 50));

        Assert.True(nextWindow.Granted);
    }

    [Fact]
    public void Take_MorePermitsThanLeft_TakesNoneOfThem()
    {
        var store = CreateSut();
        store.Take(Window, 2, At(10, 100));

        var tooMany = store.Take(Window, 2, At(10, 200));
        var one = store.Take(Window, 1, At(10, 300));
        var none = store.Take(Window, 1, At(10, 400));

        Assert.False(tooMany.Granted);
        Assert.True(one.Granted);
        Assert.False(none.Granted);
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(10, 40)]
    [InlineData(49, 1)]
    public void Take_InsideTheStartGuard_DeniedUntilTheGuardEnds(int intoWindow, int waitMilliseconds)
    {
        var grant = CreateSut().Take(Window, 1, At(10, intoWindow));

        Assert.Equal(new RateLimitGrant(false, TimeSpan.FromMilliseconds(waitMilliseconds)), grant);
    }

    [Theory]
    [InlineData(950, 100)]
    [InlineData(999, 51)]
    public void Take_InsideTheEndGuard_DeniedUntilTheNextWindowOpens(int intoWindow, int waitMilliseconds)
    {
        var grant = CreateSut().Take(Window, 1, At(10, intoWindow));

        Assert.Equal(new RateLimitGrant(false, TimeSpan.FromMilliseconds(waitMilliseconds)), grant);
    }

    [Theory]
    [InlineData(50)]
    [InlineData(949)]
    public void Take_JustOutsideTheGuards_Granted(int intoWindow)
    {
        Assert.True(CreateSut().Take(Window, 1, At(10, intoWindow)).Granted);
    }

    [Fact]
    public void Take_GuardDenial_DoesNotTakePermits()
    {
        var store = CreateSut();
        store.Take(Window, 1, At(10, 10));
        store.Take(Window, 1, At(10, 960));

        Assert.True(store.Take(Window, 3, At(10, 500)).Granted);
    }

    [Fact]
    public void Take_OtherKey_HasItsOwnCount()
    {
        var store = CreateSut();
        store.Take(Window, 3, At(10, 100));

        Assert.True(store.Take(Window with { Key = "tencent:1400000001:sendmsg" }, 3, At(10, 100)).Granted);
    }

    [Fact]
    public void Take_MinuteWindow_IsAlignedToTheMinute()
    {
        var minute = new RateLimitWindow("group", 1, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));
        var store = CreateSut();
        store.Take(minute, 1, At(60 * 100, 30_000));

        var denied = store.Take(minute, 1, At((60 * 100) + 59, 0));

        // The minute started at 100:00 and ends at 101:00; the next one opens after its 1 s guard.
        Assert.Equal(new RateLimitGrant(false, TimeSpan.FromSeconds(2)), denied);
        Assert.True(store.Take(minute, 1, At(60 * 101, 1000)).Granted);
    }

    [Fact]
    public void Take_MorePermitsThanTheLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateSut().Take(Window, 4, At(10, 100)));
    }

    [Fact]
    public async Task TryTakeAsync_ClockAdvances_UsesTheTimeProvider()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(At(1_772_000_000, 960)));
        var store = new InMemoryRateLimitStore(time);

        var inGuard = await store.TryTakeAsync(Window, 1);
        time.Advance(TimeSpan.FromMilliseconds(90));
        var opened = await store.TryTakeAsync(Window, 1);

        Assert.Equal(new RateLimitGrant(false, TimeSpan.FromMilliseconds(90)), inGuard);
        Assert.True(opened.Granted);
    }

    private static InMemoryRateLimitStore CreateSut() => new(new FakeTimeProvider());

    private static long At(long second, int millisecond) => (second * 1000) + millisecond;
}
