using Microsoft.Extensions.Options;

namespace Gateway.Redis.Tests.Connection;

/// <summary>With a store set to Redis, a missing or malformed connection string stops the start naming the key, never the value.</summary>
public class RedisStoresValidatorTests
{
    public static TheoryData<string, Dictionary<string, string?>, string> BadConfigurations => new()
    {
        {
            "missing",
            new() { ["Gateway:Idempotency:Store"] = "Redis" },
            "ConnectionStrings:Redis is required because Gateway:Idempotency:Store is Redis"
        },
        {
            "missing, both stores",
            new() { ["Gateway:Idempotency:Store"] = "Redis", ["Gateway:RateLimiting:Store"] = "Redis" },
            "ConnectionStrings:Redis is required because Gateway:Idempotency:Store and Gateway:RateLimiting:Store are Redis"
        },
        {
            "malformed",
            new() { ["Gateway:RateLimiting:Store"] = "Redis", ["ConnectionStrings:Redis"] = "127.0.0.1:6379,password=secret-value,connectTimeout=soon" },
            "ConnectionStrings:Redis is not a valid StackExchange.Redis configuration string"
        },
        {
            "no endpoint",
            new() { ["Gateway:RateLimiting:Store"] = "Redis", ["ConnectionStrings:Redis"] = "password=secret-value" },
            "ConnectionStrings:Redis names no endpoint"
        },
        {
            "startup timeout",
            new() { ["Gateway:RateLimiting:Store"] = "Redis", ["ConnectionStrings:Redis"] = "127.0.0.1:1", ["Gateway:Redis:StartupTimeout"] = "00:00:00" },
            "Gateway:Redis:StartupTimeout must be positive"
        },
        {
            "block size",
            new() { ["Gateway:RateLimiting:Store"] = "Redis", ["ConnectionStrings:Redis"] = "127.0.0.1:1", ["Gateway:Redis:PermitBlockSize"] = "0" },
            "Gateway:Redis:PermitBlockSize must be at least 1"
        },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public async Task StartAsync_BadRedisConfiguration_FailsNamingTheKeyButNotTheValue(string problem, Dictionary<string, string?> settings, string expected)
    {
        using var host = TestHost.Create(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.True(error.Failures.Any(f => f.Contains(expected, StringComparison.Ordinal)), $"{problem}: {error.Message}");
        Assert.DoesNotContain("secret-value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NoStoreSetToRedis_NeedsNoConnectionString()
    {
        using var host = TestHost.Create([]);

        await host.StartAsync();
        await host.StopAsync();
    }
}
