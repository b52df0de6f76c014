using Gateway.Host.Tests.Support;

namespace Gateway.Host.Tests.Cli;

/// <summary><c>run</c> on the shipped appsettings.json, which declares no provider instance.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_ShippedAppSettingsWithoutAProvider_ExitsThreeNamingGatewayProvidersAndTheSamples()
    {
        var (exit, stdout, stderr) = await HostProcess.RunAsync(["run"], timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(3, exit);
        Assert.StartsWith("Configuration error:", stderr, StringComparison.Ordinal);
        Assert.Contains("Gateway:Providers: no enabled provider instance is configured", stderr, StringComparison.Ordinal);
        Assert.Contains("samples/config/", stderr, StringComparison.Ordinal);
        // Validation runs before the bus exists: no bus is stopped that never started.
        Assert.DoesNotContain("Failed to stop bus", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ProviderWithoutItsSecret_ExitsThreeNamingTheKey()
    {
        var environment = new Dictionary<string, string>
        {
            ["Gateway__Providers__openim__Type"] = "OpenIm",
            ["Gateway__Providers__openim__BaseUrl"] = "http://openim-api:10002",
        };

        var (exit, stdout, stderr) = await HostProcess.RunAsync(["run"], environment, TimeSpan.FromSeconds(60));

        Assert.Equal(3, exit);
        Assert.Contains("Gateway:Providers:openim:Secret is required", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Gateway:Providers:tencent", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to stop bus", stdout + stderr, StringComparison.Ordinal);
    }
}
