using System.Net;
using System.Net.Sockets;
using Gateway.Core.Idempotency;
using Gateway.Core.RateLimiting;
using Gateway.Redis.Idempotency;
using Gateway.Redis.RateLimiting;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;

namespace Gateway.Redis.Tests.Connection;

public class RedisStartupCheckTests(RedisServer server) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task StartAsync_RedisUnreachable_FailsInBoundedTimeNamingTheKeyAndEndpointButNotThePassword()
    {
        var port = UnusedPort();
        var logs = new FakeLoggerProvider();
        var bus = new ProbeHostedService();
        using var host = TestHost.Create(
            new()
            {
                ["Gateway:Idempotency:Store"] = "Redis",
                ["ConnectionStrings:Redis"] = $"127.0.0.1:{port},password=secret-value,connectTimeout=500",
                ["Gateway:Redis:StartupTimeout"] = "00:00:01.500",
            },
            registerFirst: services => services.AddSingleton<IHostedService>(bus),
            logs: logs);

        var started = TimeProvider.System.GetTimestamp();
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => host.StartAsync());

        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(6), $"took {TimeProvider.System.GetElapsedTime(started)}");
        Assert.StartsWith("ConnectionStrings:Redis: the Redis server at 127.0.0.1:" + port + " did not answer within 1.5 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("Gateway:Idempotency:Store is Redis", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("password", error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(logs.Collector.GetSnapshot(), r => Assert.DoesNotContain("secret-value", r.Message + r.Exception, StringComparison.Ordinal));
        Assert.False(bus.Started, "a hosted service registered before AddRedisStores started although Redis was unreachable");
    }

    [Fact]
    public async Task StartAsync_RedisReachable_StartsAndTheGatewayResolvesTheRedisStores()
    {
        using var host = TestHost.Create(new()
        {
            ["Gateway:Idempotency:Store"] = "Redis",
            ["Gateway:RateLimiting:Store"] = "Redis",
            ["ConnectionStrings:Redis"] = server.ConnectionString,
            ["Gateway:Redis:KeyPrefix"] = TestWorker.UniquePrefix("host"),
        });

        await host.StartAsync();
        var idempotency = host.Services.GetRequiredService<IIdempotencyStore>();
        var rateLimit = host.Services.GetRequiredService<IRateLimitStore>();

        Assert.IsType<RedisIdempotencyStore>(idempotency);
        Assert.IsType<RedisRateLimitStore>(rateLimit);
        Assert.Equal(IdempotencyClaimStatus.Acquired, (await idempotency.ClaimAsync("send:m1")).Status);
        await host.StopAsync();
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ProbeHostedService : IHostedService
    {
        public bool Started { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
