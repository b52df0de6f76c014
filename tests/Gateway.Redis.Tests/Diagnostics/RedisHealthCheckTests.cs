using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Redis.Tests.Diagnostics;

public class RedisHealthCheckTests
{
    [Fact]
    public async Task CheckHealthAsync_RedisUpDownAndBack_HealthyUnhealthyHealthy()
    {
        await using var server = await RedisServer.StartPrivateAsync();
        using var host = TestHost.Create(new()
        {
            ["Gateway:Idempotency:Store"] = "Redis",
            ["ConnectionStrings:Redis"] = server.ConnectionString + ",asyncTimeout=1000",
        });
        await host.StartAsync();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        var up = await health.CheckHealthAsync(r => r.Tags.Contains("ready"));
        await server.KillAsync();
        var down = await health.CheckHealthAsync(r => r.Tags.Contains("ready"));
        await server.RestartAsync();
        var back = await EventuallyHealthyAsync(health);

        Assert.Equal(HealthStatus.Healthy, up.Entries["redis"].Status);
        Assert.Equal(HealthStatus.Unhealthy, down.Entries["redis"].Status);
        Assert.Contains(server.EndPoint, down.Entries["redis"].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, back.Status);
        await host.StopAsync();
    }

    [Fact]
    public async Task CheckHealthAsync_NoStoreSetToRedis_HealthyWithoutContactingRedis()
    {
        using var host = TestHost.Create(new() { ["ConnectionStrings:Redis"] = "127.0.0.1:1" });
        await host.StartAsync();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Entries["redis"].Status);
        Assert.Equal("no gateway store is set to Redis", report.Entries["redis"].Description);
        await host.StopAsync();
    }

    private static async Task<HealthReportEntry> EventuallyHealthyAsync(HealthCheckService health)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var entry = (await health.CheckHealthAsync(r => r.Name == "redis")).Entries["redis"];
            if (entry.Status == HealthStatus.Healthy || TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(20))
            {
                return entry;
            }

            await Task.Delay(200);
        }
    }
}
