using Gateway.Host.Tests.Support;
using Gateway.Sandbox.OpenIm;

namespace Gateway.Host.Tests.Cli;

/// <summary><c>demo</c>: the whole pipeline offline, as a user first runs it.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_EmbeddedDefault_EveryOutcomeAsExpectedAndExitsZero()
    {
        var (exit, stdout, stderr) = await HostProcess.RunAsync(["demo"]);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("Every outcome is the expected one.", stdout, StringComparison.Ordinal);
        foreach (var id in new[] { "demo-text", "demo-batch", "demo-mention", "demo-image", "demo-sound", "demo-video", "demo-file", "demo-location", "demo-face", "demo-custom", "demo-notification", "demo-group-tencent", "demo-swap-openim", "demo-swap-tencent", "demo-invalid", "demo-revoke" })
        {
            Assert.Contains(id, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("POST /msg/batch_send_msg -> 200 errCode 0", stdout, StringComparison.Ordinal);
        Assert.Contains("POST /v4/openim/admin_msgwithdraw -> 200 ErrorCode 0", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("usersig=", stdout, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(CliSamples.SampleSecretKey, stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(OpenImEmulatorOptions.DefaultV3Secret, stdout + stderr, StringComparison.Ordinal);
    }
}
