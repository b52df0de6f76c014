using Gateway.Core;
using Gateway.Core.Idempotency;
using Gateway.Core.RateLimiting;
using Gateway.Redis.Connection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Redis.Tests;

public class RedisGatewayBuilderExtensionsTests
{
    [Fact]
    public void AddRedisStores_Always_RegistersBothStoresKeyedUnderTheKindsName()
    {
        using var host = TestHost.Create([]);

        var keyed = host.Services.GetRequiredService<IServiceProviderIsKeyedService>();

        Assert.True(keyed.IsKeyedService(typeof(IIdempotencyStore), nameof(StoreKind.Redis)));
        Assert.True(keyed.IsKeyedService(typeof(IRateLimitStore), nameof(StoreKind.Redis)));
        Assert.True(keyed.IsKeyedService(typeof(IConnectionMultiplexer), nameof(StoreKind.Redis)));
    }

    [Fact]
    public void AddRedisStores_CalledTwice_RegistersOnceWithOneHealthCheckTaggedReady()
    {
        using var host = TestHost.Create([], addRedis: gateway => gateway.AddRedisStores().AddRedisStores(new ConfigurationBuilder().Build()));

        var checks = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        var redis = Assert.Single(checks, r => r.Name == "redis");
        Assert.Contains("ready", redis.Tags);
        Assert.Equal(HealthStatus.Unhealthy, redis.FailureStatus);
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<RedisStartupCheck>());
        Assert.Single(host.Services.GetServices<IValidateOptions<GatewayOptions>>().OfType<RedisStoresValidator>());
    }

    [Fact]
    public void AddRedisStores_Configuration_BindsTheConnectionStringAndTheOptionalSection()
    {
        using var host = TestHost.Create(new()
        {
            ["ConnectionStrings:Redis"] = "redis.internal:6380,password=x",
            ["Gateway:Redis:KeyPrefix"] = "staging:",
            ["Gateway:Redis:StartupTimeout"] = "00:00:30",
            ["Gateway:Redis:PermitBlockSize"] = "4",
        });

        var options = host.Services.GetRequiredService<IOptions<RedisStoreOptions>>().Value;

        Assert.Equal("redis.internal:6380,password=x", options.ConnectionString);
        Assert.Equal("staging:", options.KeyPrefix);
        Assert.Equal(TimeSpan.FromSeconds(30), options.StartupTimeout);
        Assert.Equal(4, options.PermitBlockSize);
    }

    [Fact]
    public void AddRedisStores_EnvironmentVariable_BindsConnectionStringsRedis()
    {
        var prefix = $"MGTEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "ConnectionStrings__Redis", "redis.env:6379");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
            using var host = TestHost.Create([], addRedis: gateway => gateway.AddRedisStores(configuration));

            Assert.Equal("redis.env:6379", host.Services.GetRequiredService<IOptions<RedisStoreOptions>>().Value.ConnectionString);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "ConnectionStrings__Redis", null);
        }
    }

    [Fact]
    public void AddRedisStores_ConfigureInCode_RunsAfterTheConfiguration()
    {
        using var host = TestHost.Create(
            new() { ["ConnectionStrings:Redis"] = "from-config:6379" },
            addRedis: gateway => gateway.AddRedisStores(o => o.ConnectionString = "from-code:6379"));

        Assert.Equal("from-code:6379", host.Services.GetRequiredService<IOptions<RedisStoreOptions>>().Value.ConnectionString);
    }

    [Fact]
    public async Task AddRedisStores_Multiplexer_IsOneSharedInstanceKeyedAndUnkeyed()
    {
        await using var server = await Gateway.Testing.RedisServer.StartPrivateAsync();
        using var host = TestHost.Create(new() { ["ConnectionStrings:Redis"] = server.ConnectionString });

        var keyed = host.Services.GetRequiredKeyedService<IConnectionMultiplexer>(nameof(StoreKind.Redis));

        Assert.Same(keyed, host.Services.GetRequiredService<IConnectionMultiplexer>());
        Assert.Same(keyed, await host.Services.GetRequiredService<RedisConnection>().GetMultiplexerAsync());
    }
}
