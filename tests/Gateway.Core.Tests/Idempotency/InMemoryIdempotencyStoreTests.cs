using Gateway.Core.Idempotency;
using Gateway.Testing;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Tests.Idempotency;

public class InMemoryIdempotencyStoreTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public async Task ClaimAsync_NewKey_Acquires()
    {
        var store = CreateSut();

        var claim = await store.ClaimAsync("k");

        Assert.True(claim.Acquired);
    }

    [Fact]
    public async Task ClaimAsync_CompletedKey_ReturnsStoredOutcome()
    {
        var store = CreateSut();
        await store.ClaimAsync("k");
        await store.CompleteAsync("k", "outcome-1");

        var claim = await store.ClaimAsync("k");

        Assert.Equal(new IdempotencyClaim("outcome-1"), claim);
        Assert.False(claim.Acquired);
    }

    [Fact]
    public async Task ClaimAsync_AfterTimeToLive_AcquiresAgain()
    {
        var store = CreateSut(ttl: TimeSpan.FromMinutes(10));
        await store.ClaimAsync("k");
        await store.CompleteAsync("k", "outcome");

        _time.Advance(TimeSpan.FromMinutes(9));
        var before = await store.ClaimAsync("k");
        _time.Advance(TimeSpan.FromMinutes(1));
        var after = await store.ClaimAsync("k");

        Assert.False(before.Acquired);
        Assert.True(after.Acquired);
    }

    [Fact]
    public async Task CompleteAsync_BeyondMaxEntries_ForgetsTheOldest()
    {
        var store = CreateSut(maxEntries: 2);
        foreach (var key in new[] { "a", "b", "c" })
        {
            await store.ClaimAsync(key);
            await store.CompleteAsync(key, key);
        }

        Assert.Equal(2, store.CompletedCount);
        Assert.True((await store.ClaimAsync("a")).Acquired);
        Assert.Equal("c", (await store.ClaimAsync("c")).StoredOutcome);
    }

    [Fact]
    public async Task ReleaseAsync_ClaimedKey_LetsTheNextClaimAcquire()
    {
        var store = CreateSut();
        await store.ClaimAsync("k");

        await store.ReleaseAsync("k");

        Assert.True((await store.ClaimAsync("k")).Acquired);
    }

    [Fact]
    public async Task ClaimAsync_KeyInProgress_WaitsForCompletionAndGetsTheOutcome()
    {
        var store = CreateSut();
        await store.ClaimAsync("k");

        var waiting = store.ClaimAsync("k").AsTask();
        Assert.False(waiting.IsCompleted);
        await store.CompleteAsync("k", "done");

        Assert.Equal("done", (await waiting).StoredOutcome);
    }

    [Fact]
    public async Task ClaimAsync_KeyInProgressReleased_WaiterAcquires()
    {
        var store = CreateSut();
        await store.ClaimAsync("k");

        var waiting = store.ClaimAsync("k").AsTask();
        await store.ReleaseAsync("k");

        Assert.True((await waiting).Acquired);
    }

    [Fact]
    public async Task ClaimAsync_WaiterCancelled_Throws()
    {
        var store = CreateSut();
        await store.ClaimAsync("k");
        using var cancellation = new CancellationTokenSource();

        var waiting = store.ClaimAsync("k", cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    private InMemoryIdempotencyStore CreateSut(TimeSpan? ttl = null, int maxEntries = 100)
    {
        var options = new GatewayOptions();
        options.Idempotency.TimeToLive = ttl ?? TimeSpan.FromHours(1);
        options.Idempotency.MaxEntries = maxEntries;
        return new InMemoryIdempotencyStore(Options.Create(options), _time);
    }
}
