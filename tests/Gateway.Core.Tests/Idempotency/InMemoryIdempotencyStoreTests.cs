using Gateway.Core.Idempotency;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Core.Tests.Idempotency;

public class InMemoryIdempotencyStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ClaimAsync_NewKey_Acquires()
    {
        var store = CreateSut();

        var claim = await store.ClaimAsync("k");

        Assert.Equal(("k", IdempotencyClaimStatus.Acquired, null), (claim.Key, claim.Status, claim.StoredOutcome));
    }

    [Fact]
    public async Task ClaimAsync_CompletedKey_ReturnsStoredOutcome()
    {
        var store = CreateSut();
        var claim = await store.ClaimAsync("k");
        await store.CompleteAsync(claim, "outcome-1");

        var again = await store.ClaimAsync("k");

        Assert.Equal(new IdempotencyClaim("k", IdempotencyClaimStatus.Completed, StoredOutcome: "outcome-1"), again);
        Assert.NotEqual(IdempotencyClaimStatus.Acquired, again.Status);
    }

    [Fact]
    public async Task ClaimAsync_AfterTimeToLive_AcquiresAgain()
    {
        var store = CreateSut(ttl: TimeSpan.FromMinutes(10));
        await store.CompleteAsync(await store.ClaimAsync("k"), "outcome");

        _time.Advance(TimeSpan.FromMinutes(9));
        var before = await store.ClaimAsync("k");
        _time.Advance(TimeSpan.FromMinutes(1));
        var after = await store.ClaimAsync("k");

        Assert.Equal(IdempotencyClaimStatus.Completed, before.Status);
        Assert.Equal(IdempotencyClaimStatus.Acquired, after.Status);
    }

    [Fact]
    public async Task CompleteAsync_BeyondMaxEntries_ForgetsTheOldest()
    {
        var store = CreateSut(maxEntries: 2);
        foreach (var key in new[] { "a", "b", "c" })
        {
            await store.CompleteAsync(await store.ClaimAsync(key), key);
        }

        Assert.Equal(2, store.CompletedCount);
        Assert.Equal(IdempotencyClaimStatus.Acquired, (await store.ClaimAsync("a")).Status);
        Assert.Equal("c", (await store.ClaimAsync("c")).StoredOutcome);
    }

    [Fact]
    public async Task ReleaseAsync_ClaimedKey_LetsTheNextClaimAcquire()
    {
        var store = CreateSut();
        var claim = await store.ClaimAsync("k");

        await store.ReleaseAsync(claim);

        Assert.Equal(IdempotencyClaimStatus.Acquired, (await store.ClaimAsync("k")).Status);
    }

    [Fact]
    public async Task ReleaseAsync_CompletedKey_KeepsTheOutcome()
    {
        var store = CreateSut();
        var claim = await store.ClaimAsync("k");
        await store.CompleteAsync(claim, "done");

        await store.ReleaseAsync(claim);

        Assert.Equal("done", (await store.ClaimAsync("k")).StoredOutcome);
    }

    [Fact]
    public async Task ClaimAsync_KeyInProgress_WaitsForCompletionAndGetsTheOutcome()
    {
        var store = CreateSut();
        var claim = await store.ClaimAsync("k");

        var waiting = store.ClaimAsync("k").AsTask();
        Assert.False(waiting.IsCompleted);
        await store.CompleteAsync(claim, "done");

        var answered = await waiting;
        Assert.Equal((IdempotencyClaimStatus.Completed, "done"), (answered.Status, answered.StoredOutcome));
    }

    [Fact]
    public async Task ClaimAsync_KeyInProgressReleased_WaiterAcquires()
    {
        var store = CreateSut();
        var claim = await store.ClaimAsync("k");

        var waiting = store.ClaimAsync("k").AsTask();
        await store.ReleaseAsync(claim);

        Assert.Equal(IdempotencyClaimStatus.Acquired, (await waiting).Status);
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

    [Fact]
    public async Task ClaimAsync_OtherKeyInProgress_AcquiresWithoutWaiting()
    {
        var store = CreateSut();
        await store.ClaimAsync("a");

        var other = store.ClaimAsync("b");

        Assert.True(other.IsCompletedSuccessfully);
        Assert.Equal(IdempotencyClaimStatus.Acquired, (await other).Status);
    }

    private InMemoryIdempotencyStore CreateSut(TimeSpan? ttl = null, int maxEntries = 100)
    {
        var options = new GatewayOptions();
        options.Idempotency.TimeToLive = ttl ?? TimeSpan.FromHours(1);
        options.Idempotency.MaxEntries = maxEntries;
        return new InMemoryIdempotencyStore(Options.Create(options), _time);
    }
}
