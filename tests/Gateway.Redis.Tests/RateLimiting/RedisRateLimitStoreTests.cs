using System.Collections.Concurrent;
using Gateway.Core.RateLimiting;
using Gateway.Redis.RateLimiting;
using Gateway.Testing;

namespace Gateway.Redis.Tests.RateLimiting;

/// <summary>Timing-sensitive: runs alone (its own collection, no parallel classes), on the Redis server's clock.</summary>
[Collection(TimingCollection.Name)]
public class RedisRateLimitStoreTests(RedisServer server) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task TryTakeAsync_UpToTheLimit_GrantsThenRefusesUntilTheNextServerWindowOpens()
    {
        await using var worker = CreateSut();
        var takes = await AimedAsync(
            async attempt =>
            {
                var window = new RateLimitWindow($"q{attempt}", Limit: 5, Second, Guard: TimeSpan.FromMilliseconds(50));
                await worker.WaitForWindowPositionAsync(Second, TimeSpan.FromMilliseconds(100));
                var takes = new List<RateLimitTake>();
                for (var i = 0; i < 6; i++)
                {
                    takes.Add(await worker.RateLimit.TakeAsync(window, 1));
                }

                return (window, takes);
            },
            r => InOneWindow(r.takes));

        Assert.All(takes.takes[..5], t => Assert.True(t.Grant.Granted));
        var refused = takes.takes[5];
        Assert.False(refused.Grant.Granted);
        Assert.Equal(refused.ServerMilliseconds / 1000, refused.WindowIndex);
        var opens = ((refused.WindowIndex + 1) * 1000) + 50;
        Assert.InRange(refused.Grant.RetryAfter, TimeSpan.FromMilliseconds(opens - refused.ServerMilliseconds), TimeSpan.FromMilliseconds(opens - refused.ServerMilliseconds + 21));

        await Task.Delay(refused.Grant.RetryAfter);
        var next = await worker.RateLimit.TakeAsync(takes.window, 1);

        Assert.True(next.Grant.Granted);
        Assert.Equal(refused.WindowIndex + 1, next.WindowIndex);
        Assert.True(next.ServerMilliseconds % 1000 >= 50, $"granted {next.ServerMilliseconds % 1000} ms into the window, inside its guard");
    }

    [Fact]
    public async Task TryTakeAsync_MorePermitsThanLeft_TakesNone()
    {
        await using var worker = CreateSut();
        var takes = await AimedAsync(
            async attempt =>
            {
                var window = new RateLimitWindow($"q{attempt}", Limit: 10, Second, Guard: TimeSpan.FromMilliseconds(50));
                await worker.WaitForWindowPositionAsync(Second, TimeSpan.FromMilliseconds(100));
                return new List<RateLimitTake>
                {
                    await worker.RateLimit.TakeAsync(window, 7),
                    await worker.RateLimit.TakeAsync(window, 4),
                    await worker.RateLimit.TakeAsync(window, 3),
                    await worker.RateLimit.TakeAsync(window, 1),
                };
            },
            InOneWindow);

        Assert.True(InOneWindow(takes));
        Assert.Equal([true, false, true, false], takes.Select(t => t.Grant.Granted));
    }

    [Fact]
    public async Task TryTakeAsync_InTheEndGuard_RefusesUntilTheNextWindowsGuardEnds()
    {
        await using var worker = CreateSut();
        var take = await AimedAsync(
            async attempt =>
            {
                await worker.WaitForWindowPositionAsync(Second, TimeSpan.FromMilliseconds(900));
                return await worker.RateLimit.TakeAsync(new RateLimitWindow($"q{attempt}", Limit: 10, Second, TimeSpan.FromMilliseconds(200)), 1);
            },
            t => t.ServerMilliseconds % 1000 >= 800);

        var into = take.ServerMilliseconds % 1000;
        Assert.InRange(into, 800, 999);
        Assert.False(take.Grant.Granted);
        Assert.Equal(TimeSpan.FromMilliseconds(1000 - into + 200 + 1), take.Grant.RetryAfter);
    }

    [Fact]
    public async Task TryTakeAsync_InTheStartGuard_RefusesUntilTheGuardEnds()
    {
        await using var worker = CreateSut();
        var window = default(RateLimitWindow);
        var take = await AimedAsync(
            async attempt =>
            {
                window = new RateLimitWindow($"q{attempt}", Limit: 10, Second, TimeSpan.FromMilliseconds(200));
                await worker.WaitForWindowPositionAsync(Second, TimeSpan.FromMilliseconds(80));
                return await worker.RateLimit.TakeAsync(window, 1);
            },
            t => t.ServerMilliseconds % 1000 < 200);

        var into = take.ServerMilliseconds % 1000;
        Assert.InRange(into, 0, 199);
        Assert.False(take.Grant.Granted);
        Assert.Equal(TimeSpan.FromMilliseconds(200 - into + 1), take.Grant.RetryAfter);
        await Task.Delay(take.Grant.RetryAfter);
        var after = await worker.RateLimit.TakeAsync(window, 1);
        Assert.True(after.Grant.Granted, $"refused at {after.ServerMilliseconds % 1000} ms into window {after.WindowIndex} (first refusal at {into} ms into {take.WindowIndex}, local {after.Local})");
    }

    [Fact]
    public async Task TryTakeAsync_AfterOneRedisCall_ServesTheLeasedBlockLocally()
    {
        await using var worker = CreateSut();
        var (key, takes) = await AimedAsync(
            async attempt =>
            {
                var window = new RateLimitWindow($"q{attempt}", Limit: 200, 2 * Second, Guard: TimeSpan.FromMilliseconds(50));
                await worker.WaitForWindowPositionAsync(2 * Second, TimeSpan.FromMilliseconds(100));
                var takes = new List<RateLimitTake>();
                for (var i = 0; i < 11; i++)
                {
                    takes.Add(await worker.RateLimit.TakeAsync(window, 1));
                }

                return (Key: worker.Prefix + "rate:" + window.Key + ":2000", Takes: takes);
            },
            r => InOneWindow(r.Takes));

        Assert.All(takes, t => Assert.True(t.Grant.Granted));
        Assert.Equal([false, true, true, true, true, true, true, true, true, true, false], takes.Select(t => t.Local));
        var database = await worker.DatabaseAsync();
        var hash = (await database.HashGetAllAsync(key)).ToDictionary(e => (string)e.Name!, e => (long)e.Value);
        Assert.Equal(takes[0].WindowIndex, hash["w"]);
        Assert.Equal(20, hash["c"]);
        Assert.InRange((await database.KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task TryTakeAsync_MoreThanTheBlockHolds_CountsTheBlockTowardsTheTake()
    {
        await using var worker = CreateSut();
        var (key, takes) = await AimedAsync(
            async attempt =>
            {
                var window = new RateLimitWindow($"q{attempt}", Limit: 200, 2 * Second, Guard: TimeSpan.FromMilliseconds(50));
                await worker.WaitForWindowPositionAsync(2 * Second, TimeSpan.FromMilliseconds(100));
                var takes = new List<RateLimitTake> { await worker.RateLimit.TakeAsync(window, 1), await worker.RateLimit.TakeAsync(window, 15) };
                for (var i = 0; i < 5; i++)
                {
                    takes.Add(await worker.RateLimit.TakeAsync(window, 1));
                }

                return (Key: worker.Prefix + "rate:" + window.Key + ":2000", Takes: takes);
            },
            r => InOneWindow(r.Takes));

        Assert.All(takes, t => Assert.True(t.Grant.Granted));

        // 10 leased (9 left), then 10 more for the 15 (9 + 10 - 15 = 4 left): four local takes, the fifth leases again.
        Assert.Equal([false, false, true, true, true, true, false], takes.Select(t => t.Local));
        Assert.Equal(30, (long)await (await worker.DatabaseAsync()).HashGetAsync(key, "c"));
    }

    [Fact]
    public async Task TryTakeAsync_WorkerDiesHoldingABlock_OthersLoseAtMostThatBlock()
    {
        var prefix = TestWorker.UniquePrefix("dies");
        await using var survivor = CreateSut(prefix);
        var (first, takes) = await AimedAsync(
            async attempt =>
            {
                var window = new RateLimitWindow($"q{attempt}", Limit: 200, 2 * Second, Guard: TimeSpan.FromMilliseconds(50));
                var dead = CreateSut(prefix);
                await survivor.WaitForWindowPositionAsync(2 * Second, TimeSpan.FromMilliseconds(100));
                var first = await dead.RateLimit.TakeAsync(window, 1);
                await dead.DisposeAsync();
                var takes = new List<RateLimitTake>();
                do
                {
                    takes.Add(await survivor.RateLimit.TakeAsync(window, 1));
                }
                while (takes[^1].Grant.Granted);

                return (first, takes);
            },
            r => InOneWindow([r.first, .. r.takes]));

        Assert.True(first.Grant.Granted);
        Assert.True(InOneWindow([first, .. takes]));
        Assert.Equal(200 - survivor.RateLimit.BlockSize(200), takes.Count(t => t.Grant.Granted));
    }

    [Fact]
    public async Task TryTakeAsync_TwoWorkersConcurrentlyOver20Windows_NeverOverrunAndUseAtLeast95Percent()
    {
        var prefix = TestWorker.UniquePrefix("shared");
        const int Limit = 100;
        var length = TimeSpan.FromMilliseconds(200);
        var window = new RateLimitWindow("q", Limit, length, Guard: TimeSpan.FromMilliseconds(10));
        await using var first = CreateSut(prefix);
        await using var second = CreateSut(prefix);
        await first.WaitForWindowPositionAsync(length, TimeSpan.FromMilliseconds(150));
        var startIndex = (await first.ServerMillisecondsAsync()) / 200;
        var lastIndex = startIndex + 21;
        var counts = new ConcurrentDictionary<long, int>();

        async Task TakerAsync(TestWorker worker)
        {
            while (true)
            {
                var take = await worker.RateLimit.TakeAsync(window, 1);
                if (take.WindowIndex > lastIndex)
                {
                    return;
                }

                if (take.Grant.Granted)
                {
                    counts.AddOrUpdate(take.WindowIndex, 1, static (_, c) => c + 1);
                }
                else
                {
                    await Task.Delay(take.Grant.RetryAfter);
                }
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => TakerAsync(i % 2 == 0 ? first : second), timeout.Token))).WaitAsync(timeout.Token);

        Assert.All(counts, c => Assert.InRange(c.Value, 0, Limit));
        var full = Enumerable.Range(1, 20).Select(i => startIndex + i).ToList();
        var used = full.Sum(i => counts.GetValueOrDefault(i));
        Assert.True(used >= 0.95 * Limit * full.Count, $"used {used} of {Limit * full.Count} permits in {full.Count} windows: {string.Join(", ", full.Select(i => counts.GetValueOrDefault(i)))}");
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(20, 1)]
    [InlineData(59, 2)]
    [InlineData(100, 5)]
    [InlineData(200, 10)]
    [InlineData(5000, 10)]
    public async Task BlockSize_Limit_IsFivePercentAtMostTheConfiguredBlock(int limit, int expected)
    {
        await using var worker = CreateSut();

        Assert.Equal(expected, worker.RateLimit.BlockSize(limit));
    }

    [Fact]
    public async Task TryTakeAsync_MorePermitsThanTheLimit_Throws()
    {
        await using var worker = CreateSut();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => worker.RateLimit.TryTakeAsync(new RateLimitWindow("q", 5, Second, TimeSpan.Zero), 6).AsTask());
    }

    private static bool InOneWindow(IEnumerable<RateLimitTake> takes) => takes.Select(t => t.WindowIndex).Distinct().Count() == 1;

    /// <summary>
    /// Runs a timed scenario until it landed where it aimed, at most three times: a stalled test machine can delay a
    /// call past the window the test aimed at, which proves nothing either way. Each attempt uses a fresh quota key.
    /// </summary>
    private static async Task<T> AimedAsync<T>(Func<int, Task<T>> scenario, Func<T, bool> landed)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await scenario(attempt);
            if (landed(result) || attempt == 3)
            {
                return result;
            }
        }
    }

    private TestWorker CreateSut(string? prefix = null) => TestWorker.Create(server, prefix ?? TestWorker.UniquePrefix("rate"));
}
