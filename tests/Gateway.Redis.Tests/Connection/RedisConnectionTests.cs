using Gateway.Core.Idempotency;
using Gateway.Core.RateLimiting;
using Gateway.Redis.Connection;
using Gateway.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace Gateway.Redis.Tests.Connection;

/// <summary>Outages: each test kills and restarts a Redis server of its own.</summary>
public class RedisConnectionTests
{
    // Store operations give up after 1 s while Redis is down (the connection string's asyncTimeout).
    private const string FailFast = "asyncTimeout=1000,syncTimeout=1000";
    private static readonly TimeSpan FailureBound = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task ClaimAsync_RedisDown_ThrowsStoreUnavailableQuicklyAndWorksAgainOnceItIsBack()
    {
        await using var server = await RedisServer.StartPrivateAsync();
        await using var worker = TestWorker.Create(server, TestWorker.UniquePrefix("outage"), moreOptions: FailFast);
        Assert.Equal(IdempotencyClaimStatus.Acquired, (await worker.Idempotency.ClaimAsync("send:before")).Status);

        await server.KillAsync();
        var started = TimeProvider.System.GetTimestamp();
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => worker.Idempotency.ClaimAsync("send:during").AsTask());

        Assert.True(TimeProvider.System.GetElapsedTime(started) < FailureBound, $"took {TimeProvider.System.GetElapsedTime(started)}");
        Assert.Contains(server.EndPoint, error.Message, StringComparison.Ordinal);
        await server.RestartAsync();
        var claim = await EventuallyAsync(() => worker.Idempotency.ClaimAsync("send:after").AsTask());
        Assert.Equal(IdempotencyClaimStatus.Acquired, claim.Status);
    }

    [Fact]
    public async Task TryTakeAsync_RedisDown_ThrowsStoreUnavailableQuicklyAndWorksAgainOnceItIsBack()
    {
        await using var server = await RedisServer.StartPrivateAsync();
        await using var worker = TestWorker.Create(server, TestWorker.UniquePrefix("outage"), moreOptions: FailFast);
        // A limit of 10 leases no block ahead, so the next take needs Redis.
        var window = new RateLimitWindow("q", 10, TimeSpan.FromSeconds(1), TimeSpan.Zero);
        Assert.True((await worker.RateLimit.TryTakeAsync(window, 1)).Granted);

        await server.KillAsync();
        var started = TimeProvider.System.GetTimestamp();
        await Assert.ThrowsAsync<StoreUnavailableException>(() => worker.RateLimit.TryTakeAsync(window, 1).AsTask());

        Assert.True(TimeProvider.System.GetElapsedTime(started) < FailureBound, $"took {TimeProvider.System.GetElapsedTime(started)}");
        await server.RestartAsync();
        var grant = await EventuallyAsync(async () =>
        {
            RateLimitGrant answer;
            while (!(answer = await worker.RateLimit.TryTakeAsync(window, 1)).Granted)
            {
                await Task.Delay(answer.RetryAfter);
            }

            return answer;
        });
        Assert.True(grant.Granted);
    }

    [Fact]
    public async Task CompleteAsync_OutcomeOlderThanOneSecond_SurvivesACrashThroughTheAof()
    {
        await using var server = await RedisServer.StartPrivateAsync();
        var prefix = TestWorker.UniquePrefix("aof");
        await using (var worker = TestWorker.Create(server, prefix))
        {
            var claim = await worker.Idempotency.ClaimAsync("send:m1");
            await worker.Idempotency.CompleteAsync(claim, "sent");
        }

        // appendfsync everysec: what was written more than a second before the crash is on disk.
        await Task.Delay(TimeSpan.FromMilliseconds(1500));
        await server.KillAsync();
        await server.RestartAsync();

        await using var after = TestWorker.Create(server, prefix);
        var repeat = await after.Idempotency.ClaimAsync("send:m1");
        Assert.Equal(IdempotencyClaimStatus.Completed, repeat.Status);
        Assert.Equal("sent", repeat.StoredOutcome);
    }

    [Fact]
    public async Task StoreUnavailableException_PasswordInTheConnectionString_NeverAppearsInErrorsOrLogs()
    {
        await using var server = await RedisServer.StartPrivateAsync();
        await using (var admin = TestWorker.Create(server, "admin:", moreOptions: "allowAdmin=true"))
        {
            await (await admin.DatabaseAsync()).ExecuteAsync("CONFIG", "SET", "requirepass", "secret-value");
        }

        var logger = new FakeLogger<RedisConnection>();
        await using var worker = TestWorker.Create(server, TestWorker.UniquePrefix("secret"), moreOptions: FailFast + ",password=secret-value", logger: logger);
        Assert.Equal(IdempotencyClaimStatus.Acquired, (await worker.Idempotency.ClaimAsync("send:m1")).Status);

        await server.KillAsync();
        var claimError = await Assert.ThrowsAsync<StoreUnavailableException>(() => worker.Idempotency.ClaimAsync("send:m2").AsTask());
        var takeError = await Assert.ThrowsAsync<StoreUnavailableException>(() => worker.RateLimit.TryTakeAsync(new RateLimitWindow("q", 10, TimeSpan.FromSeconds(1), TimeSpan.Zero), 1).AsTask());

        Assert.DoesNotContain("secret-value", claimError.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", takeError.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logger.Collector.GetSnapshot());
        Assert.All(logger.Collector.GetSnapshot(), r => Assert.DoesNotContain("secret-value", r.Message + r.Exception, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("127.0.0.1:6379,password=secret-value,connectTimeout=soon")]
    public void TryParse_MissingOrMalformed_ReturnsNull(string? connectionString)
    {
        Assert.Null(RedisConnection.TryParse(connectionString));
    }

    [Fact]
    public void TryParse_HostWithoutPort_UsesTheDefaultPort()
    {
        var parsed = RedisConnection.TryParse("redis.internal,password=secret-value");

        Assert.Equal("redis.internal:6379", RedisConnection.Describe(parsed!.EndPoints));
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> operation)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            try
            {
                return await operation();
            }
            catch (StoreUnavailableException) when (TimeProvider.System.GetElapsedTime(started) < RecoveryBound)
            {
                await Task.Delay(200);
            }
        }
    }
}
