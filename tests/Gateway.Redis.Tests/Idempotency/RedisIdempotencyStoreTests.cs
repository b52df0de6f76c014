using Gateway.Core.Idempotency;
using Gateway.Testing;

namespace Gateway.Redis.Tests.Idempotency;

public class RedisIdempotencyStoreTests(RedisServer server) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan ShortLease = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task ClaimAsync_NewKey_AcquiresWithToken()
    {
        await using var worker = CreateSut();

        var claim = await worker.Idempotency.ClaimAsync("send:m1");

        Assert.Equal(IdempotencyClaimStatus.Acquired, claim.Status);
        Assert.False(string.IsNullOrEmpty(claim.Token));
        Assert.Equal("send:m1", claim.Key);
    }

    [Fact]
    public async Task ClaimAsync_AfterComplete_AnswersCompletedWithTheOutcome()
    {
        await using var worker = CreateSut();
        var claim = await worker.Idempotency.ClaimAsync("send:m1");

        await worker.Idempotency.CompleteAsync(claim, """{"messageId":"m1"}""");
        var repeat = await worker.Idempotency.ClaimAsync("send:m1");

        Assert.Equal(IdempotencyClaimStatus.Completed, repeat.Status);
        Assert.Equal("""{"messageId":"m1"}""", repeat.StoredOutcome);
        Assert.Null(repeat.Token);
    }

    [Fact]
    public async Task ClaimAsync_HeldByAnotherWorker_AnswersBusyWithoutWaiting()
    {
        var prefix = TestWorker.UniquePrefix(nameof(ClaimAsync_HeldByAnotherWorker_AnswersBusyWithoutWaiting));
        await using var first = CreateSut(prefix);
        await using var second = CreateSut(prefix);
        await first.Idempotency.ClaimAsync("send:m1");

        var started = TimeProvider.System.GetTimestamp();
        var claim = await second.Idempotency.ClaimAsync("send:m1");

        Assert.Equal(IdempotencyClaimStatus.Busy, claim.Status);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ReleaseAsync_OwnClaim_LetsTheKeyBeClaimedAgain()
    {
        await using var worker = CreateSut();
        var claim = await worker.Idempotency.ClaimAsync("send:m1");

        await worker.Idempotency.ReleaseAsync(claim);
        var again = await worker.Idempotency.ClaimAsync("send:m1");

        Assert.Equal(IdempotencyClaimStatus.Acquired, again.Status);
        Assert.NotEqual(claim.Token, again.Token);
    }

    [Fact]
    public async Task ClaimAsync_TwoWorkersConcurrently_ExactlyOneAcquiresEachKey()
    {
        var prefix = TestWorker.UniquePrefix(nameof(ClaimAsync_TwoWorkersConcurrently_ExactlyOneAcquiresEachKey));
        await using var first = CreateSut(prefix);
        await using var second = CreateSut(prefix);
        var keys = Enumerable.Range(0, 200).Select(i => $"send:m{i}").ToList();

        var claims = await Task.WhenAll(keys.SelectMany(key => new[]
        {
            first.Idempotency.ClaimAsync(key).AsTask(),
            second.Idempotency.ClaimAsync(key).AsTask(),
        }));

        foreach (var group in claims.GroupBy(c => c.Key))
        {
            Assert.Equal(1, group.Count(c => c.Status == IdempotencyClaimStatus.Acquired));
            Assert.Equal(1, group.Count(c => c.Status == IdempotencyClaimStatus.Busy));
        }
    }

    [Fact]
    public async Task ClaimAsync_OwnerDiedAndLeaseExpired_SecondWorkerTakesOver()
    {
        var prefix = TestWorker.UniquePrefix(nameof(ClaimAsync_OwnerDiedAndLeaseExpired_SecondWorkerTakesOver));
        var dead = CreateSut(prefix, ShortLease);
        await dead.Idempotency.ClaimAsync("send:m1");
        await dead.DisposeAsync();
        await using var second = CreateSut(prefix, ShortLease);
        Assert.Equal(IdempotencyClaimStatus.Busy, (await second.Idempotency.ClaimAsync("send:m1")).Status);

        await Task.Delay(ShortLease + TimeSpan.FromMilliseconds(150));
        var claim = await second.Idempotency.ClaimAsync("send:m1");

        Assert.Equal(IdempotencyClaimStatus.Acquired, claim.Status);
    }

    [Fact]
    public async Task ClaimAsync_OwnerAliveLongerThanTheLease_KeepsTheClaimByRenewingIt()
    {
        var prefix = TestWorker.UniquePrefix(nameof(ClaimAsync_OwnerAliveLongerThanTheLease_KeepsTheClaimByRenewingIt));
        await using var owner = CreateSut(prefix, ShortLease);
        await using var second = CreateSut(prefix, ShortLease);
        var claim = await owner.Idempotency.ClaimAsync("send:m1");

        await Task.Delay(ShortLease * 4);
        var meanwhile = await second.Idempotency.ClaimAsync("send:m1");
        var ttl = await (await owner.DatabaseAsync()).KeyTimeToLiveAsync(owner.Idempotency.RecordKey("send:m1"));
        await owner.Idempotency.CompleteAsync(claim, "sent");
        var after = await second.Idempotency.ClaimAsync("send:m1");

        Assert.Equal(IdempotencyClaimStatus.Busy, meanwhile.Status);
        Assert.InRange(ttl!.Value, TimeSpan.FromMilliseconds(1), ShortLease);
        Assert.Equal((IdempotencyClaimStatus.Completed, "sent"), (after.Status, after.StoredOutcome));
        Assert.Equal(0, owner.Idempotency.HeldClaims);
    }

    [Fact]
    public async Task ReleaseAsync_OwnClaim_StopsRenewingIt()
    {
        await using var worker = CreateSut(lease: ShortLease);
        var claim = await worker.Idempotency.ClaimAsync("send:m1");
        var held = worker.Idempotency.HeldClaims;

        await worker.Idempotency.ReleaseAsync(claim);
        await Task.Delay(ShortLease);

        Assert.Equal((1, 0), (held, worker.Idempotency.HeldClaims));
        Assert.False(await (await worker.DatabaseAsync()).KeyExistsAsync(worker.Idempotency.RecordKey("send:m1")));
    }

    [Fact]
    public async Task ReleaseAsync_StaleOwnerAfterTakeover_LeavesTheNewClaim()
    {
        var prefix = TestWorker.UniquePrefix(nameof(ReleaseAsync_StaleOwnerAfterTakeover_LeavesTheNewClaim));
        await using var slow = CreateSut(prefix, ShortLease);
        await using var second = CreateSut(prefix, TimeSpan.FromMinutes(1));
        var stale = await slow.Idempotency.ClaimAsync("send:m1");
        slow.Idempotency.Dispose(); // stalled: its renewals stop, as when it cannot reach Redis
        await Task.Delay(ShortLease + TimeSpan.FromMilliseconds(150));
        var current = await second.Idempotency.ClaimAsync("send:m1");

        await slow.Idempotency.ReleaseAsync(stale);

        Assert.Equal(IdempotencyClaimStatus.Acquired, current.Status);
        Assert.Equal(IdempotencyClaimStatus.Busy, (await slow.Idempotency.ClaimAsync("send:m1")).Status);
        Assert.Equal("claim:" + current.Token, (string?)await (await second.DatabaseAsync()).StringGetAsync(second.Idempotency.RecordKey("send:m1")));
    }

    [Fact]
    public async Task CompleteAsync_StaleOwnerAfterTakeover_LeavesTheNewClaimAndItsOutcome()
    {
        var prefix = TestWorker.UniquePrefix(nameof(CompleteAsync_StaleOwnerAfterTakeover_LeavesTheNewClaimAndItsOutcome));
        await using var slow = CreateSut(prefix, ShortLease);
        await using var second = CreateSut(prefix, TimeSpan.FromMinutes(1));
        var stale = await slow.Idempotency.ClaimAsync("send:m1");
        slow.Idempotency.Dispose(); // stalled: its renewals stop, as when it cannot reach Redis
        await Task.Delay(ShortLease + TimeSpan.FromMilliseconds(150));
        var current = await second.Idempotency.ClaimAsync("send:m1");

        await slow.Idempotency.CompleteAsync(stale, "stale");
        Assert.Equal(IdempotencyClaimStatus.Busy, (await slow.Idempotency.ClaimAsync("send:m1")).Status);
        await second.Idempotency.CompleteAsync(current, "current");
        await slow.Idempotency.CompleteAsync(stale, "stale again");
        await slow.Idempotency.ReleaseAsync(stale);

        var repeat = await slow.Idempotency.ClaimAsync("send:m1");
        Assert.Equal(IdempotencyClaimStatus.Completed, repeat.Status);
        Assert.Equal("current", repeat.StoredOutcome);
    }

    [Fact]
    public async Task CompleteAsync_LeaseExpiredAndNobodyClaimed_StillRecordsTheOutcome()
    {
        await using var worker = CreateSut(lease: ShortLease);
        var claim = await worker.Idempotency.ClaimAsync("send:m1");
        worker.Idempotency.Dispose(); // stalled: its renewals stop
        await Task.Delay(ShortLease + TimeSpan.FromMilliseconds(150));

        await worker.Idempotency.CompleteAsync(claim, "sent");

        var repeat = await worker.Idempotency.ClaimAsync("send:m1");
        Assert.Equal(IdempotencyClaimStatus.Completed, repeat.Status);
        Assert.Equal("sent", repeat.StoredOutcome);
    }

    [Fact]
    public async Task CompleteAsync_Outcome_KeptForTheTimeToLiveThenForgotten()
    {
        var timeToLive = TimeSpan.FromMilliseconds(800);
        await using var worker = CreateSut(timeToLive: timeToLive);
        var claim = await worker.Idempotency.ClaimAsync("send:m1");

        await worker.Idempotency.CompleteAsync(claim, "sent");

        var remaining = await (await worker.DatabaseAsync()).KeyTimeToLiveAsync(worker.Idempotency.RecordKey("send:m1"));
        Assert.InRange(remaining!.Value, timeToLive - TimeSpan.FromMilliseconds(300), timeToLive);
        await Task.Delay(timeToLive + TimeSpan.FromMilliseconds(200));
        Assert.Equal(IdempotencyClaimStatus.Acquired, (await worker.Idempotency.ClaimAsync("send:m1")).Status);
    }

    [Fact]
    public async Task ClaimAsync_NewKey_WritesTheDocumentedRecordWithTheLease()
    {
        var prefix = TestWorker.UniquePrefix(nameof(ClaimAsync_NewKey_WritesTheDocumentedRecordWithTheLease));
        var lease = TimeSpan.FromSeconds(30);
        await using var worker = CreateSut(prefix, lease);

        var claim = await worker.Idempotency.ClaimAsync("send:m1");

        var database = await worker.DatabaseAsync();
        var key = prefix + "idem:send:m1";
        Assert.Equal("claim:" + claim.Token, (string?)await database.StringGetAsync(key));
        Assert.InRange((await database.KeyTimeToLiveAsync(key))!.Value, lease - TimeSpan.FromSeconds(2), lease);
        await worker.Idempotency.CompleteAsync(claim, "{}");
        Assert.Equal("done:{}", (string?)await database.StringGetAsync(key));
    }

    [Fact]
    public async Task CompleteAsync_ClaimNotAcquired_Throws()
    {
        await using var worker = CreateSut();
        var busy = new IdempotencyClaim("send:m1", IdempotencyClaimStatus.Busy);

        await Assert.ThrowsAsync<ArgumentException>(() => worker.Idempotency.CompleteAsync(busy, "x").AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => worker.Idempotency.ReleaseAsync(busy).AsTask());
    }

    private TestWorker CreateSut(string? prefix = null, TimeSpan? lease = null, TimeSpan? timeToLive = null) =>
        TestWorker.Create(server, prefix ?? TestWorker.UniquePrefix("idem"), lease, timeToLive);
}
