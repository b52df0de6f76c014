using Gateway.Core;
using Gateway.Redis.Connection;
using Gateway.Redis.Idempotency;
using Gateway.Redis.RateLimiting;
using Gateway.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Redis.Tests;

/// <summary>
/// One gateway worker's view of Redis: its own multiplexer (so two of them behave like two processes) and the stores
/// over it, under a key prefix of the test's own.
/// </summary>
internal sealed class TestWorker : IAsyncDisposable
{
    private TestWorker(RedisConnection connection, GatewayOptions options)
    {
        Connection = connection;
        Prefix = connection.Options.KeyPrefix;
        Idempotency = new RedisIdempotencyStore(connection, Options.Create(options), TimeProvider.System, NullLogger<RedisIdempotencyStore>.Instance);
        RateLimit = new RedisRateLimitStore(connection, TimeProvider.System);
    }

    public RedisConnection Connection { get; }

    public string Prefix { get; }

    public RedisIdempotencyStore Idempotency { get; }

    public RedisRateLimitStore RateLimit { get; }

    public static TestWorker Create(
        RedisServer server,
        string prefix,
        TimeSpan? lease = null,
        TimeSpan? timeToLive = null,
        int permitBlockSize = 10,
        string? moreOptions = null,
        ILogger<RedisConnection>? logger = null)
    {
        var options = new GatewayOptions();
        options.Idempotency.Store = StoreKind.Redis;
        options.Idempotency.Lease = lease ?? TimeSpan.FromMinutes(1);
        options.Idempotency.TimeToLive = timeToLive ?? TimeSpan.FromMinutes(5);
        var redis = new RedisStoreOptions
        {
            ConnectionString = moreOptions is null ? server.ConnectionString : server.ConnectionString + "," + moreOptions,
            KeyPrefix = prefix,
            PermitBlockSize = permitBlockSize,
        };
        return new TestWorker(new RedisConnection(Options.Create(redis), logger), options);
    }

    /// <summary>A key prefix no other test uses.</summary>
    public static string UniquePrefix(string test) => $"t:{test}:{Guid.NewGuid():N}:";

    public async Task<IDatabase> DatabaseAsync() => (await Connection.GetMultiplexerAsync()).GetDatabase();

    /// <summary>The Redis server's clock in ms since the epoch (TIME), as the rate-limit script reads it.</summary>
    public async Task<long> ServerMillisecondsAsync()
    {
        var result = await (await DatabaseAsync()).ExecuteAsync("TIME");
        return (long)result[0] * 1000 + (long)result[1] / 1000;
    }

    /// <summary>Waits until the server's clock is <paramref name="into"/> into a window of <paramref name="length"/> (the next one if already past).</summary>
    /// <remarks>Warms the worker up first (connection, JIT, script cache), so the next take lands where the test aimed it.</remarks>
    public async Task WaitForWindowPositionAsync(TimeSpan length, TimeSpan into)
    {
        for (var i = 0; i < 3; i++)
        {
            await RateLimit.TakeAsync(new Core.RateLimiting.RateLimitWindow("warm-up", 1000, TimeSpan.FromSeconds(1), TimeSpan.Zero), 1);
        }

        var lengthMs = (long)length.TotalMilliseconds;
        var now = await ServerMillisecondsAsync();
        var position = now % lengthMs;
        var target = (long)into.TotalMilliseconds;
        var wait = target >= position ? target - position : lengthMs - position + target;
        await Task.Delay(TimeSpan.FromMilliseconds(wait));
    }

    public ValueTask DisposeAsync()
    {
        Idempotency.Dispose();
        return Connection.DisposeAsync();
    }
}
