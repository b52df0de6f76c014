using System.Diagnostics.Metrics;
using Gateway.Core.Diagnostics;
using Gateway.Core.Http;
using Gateway.Core.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Core.Tests.Http;

public sealed class QuotaGrantsTests : IDisposable
{
    private static readonly RateLimitWindow PerSecond = new("tencent:1:sendmsg", 2, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50));
    private static readonly RateLimitWindow PerMinute = new("tencent:1:batch_recipients", 1000, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(50));

    // 100 ms into an aligned second, 20.1 s into an aligned minute.
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_772_000_000_100));
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly InMemoryRateLimitStore _store;
    private readonly WindowRateLimiter _limiter;

    public QuotaGrantsTests()
    {
        _store = new InMemoryRateLimitStore(_time);
        _limiter = new WindowRateLimiter(_store, _time, new GatewayMetrics(_services.GetRequiredService<IMeterFactory>()));
    }

    [Fact]
    public async Task RenewClosedAsync_WindowStillOpen_TakesNothingMore()
    {
        using var request = new HttpRequestMessage();
        IReadOnlyList<QuotaDemand> demands = [new(PerSecond, 1, "sendmsg")];
        await QuotaGrants.AcquireAsync(request, demands, _limiter, "tencent", CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(800));

        var renewed = await QuotaGrants.RenewClosedAsync(request, demands, _limiter, "tencent", CancellationToken.None);

        Assert.Equal(0, renewed);
        Assert.True(Take(PerSecond, 1), "one of the two permits of this second is still free");
    }

    [Fact]
    public async Task RenewClosedAsync_LateIntoTheNextSecond_TakesAPermitOfTheCurrentSecond()
    {
        using var request = new HttpRequestMessage();
        IReadOnlyList<QuotaDemand> demands = [new(PerSecond, 1, "sendmsg")];
        await QuotaGrants.AcquireAsync(request, demands, _limiter, "tencent", CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1_000));

        var renewed = await QuotaGrants.RenewClosedAsync(request, demands, _limiter, "tencent", CancellationToken.None);

        Assert.Equal(1, renewed);
        Assert.True(Take(PerSecond, 1));
        Assert.False(Take(PerSecond, 1), "the late request took one of this second's two permits");
    }

    [Fact]
    public async Task RenewClosedAsync_InTheGuardBeforeTheEnd_WaitsForTheNextWindow()
    {
        using var request = new HttpRequestMessage();
        IReadOnlyList<QuotaDemand> demands = [new(PerSecond, 1, "sendmsg")];
        await QuotaGrants.AcquireAsync(request, demands, _limiter, "tencent", CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(860));

        var renewing = QuotaGrants.RenewClosedAsync(request, demands, _limiter, "tencent", CancellationToken.None).AsTask();
        Assert.False(renewing.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal(1, await renewing);
    }

    [Fact]
    public async Task RenewClosedAsync_SecondClosedMinuteOpen_TakesOnlyThePerSecondPermitAgain()
    {
        using var request = new HttpRequestMessage();
        IReadOnlyList<QuotaDemand> demands = [new(PerMinute, 500, "batch_recipients"), new(PerSecond, 1, "batchsendmsg")];
        await QuotaGrants.AcquireAsync(request, demands, _limiter, "tencent", CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(1_000));

        var renewed = await QuotaGrants.RenewClosedAsync(request, demands, _limiter, "tencent", CancellationToken.None);

        Assert.Equal(1, renewed);
        Assert.True(Take(PerMinute, 500), "the other 500 recipients of this minute are still free");
    }

    [Fact]
    public async Task RenewClosedAsync_NoGrantRecorded_TakesNothing()
    {
        using var request = new HttpRequestMessage();
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, await QuotaGrants.RenewClosedAsync(request, [new(PerSecond, 1, "sendmsg")], _limiter, "tencent", CancellationToken.None));
    }

    public void Dispose() => _services.Dispose();

    private bool Take(RateLimitWindow window, int permits) => _store.Take(window, permits, _time.GetUtcNow().ToUnixTimeMilliseconds()).Granted;
}
