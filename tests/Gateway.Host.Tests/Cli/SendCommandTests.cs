using System.Text.Json.Nodes;
using Gateway.Host.Tests.Support;
using Gateway.Sandbox.OpenIm;

namespace Gateway.Host.Tests.Cli;

/// <summary><c>send</c> against the OpenIM emulator: directly through the library, or through the in-memory bus.</summary>
public sealed class SendCommandTests
{
    [Fact]
    public async Task SendDirect_ToTheEmulator_PrintsMessageSentAndExitsZero()
    {
        await using var emulator = new OpenImEmulator();
        await emulator.StartAsync();
        using var config = HostProcess.WriteTemp(CliSamples.OpenImOnly(emulator, "InMemory"));
        using var command = HostProcess.WriteTemp(CliSamples.TextCommand);

        var (exit, stdout, stderr) = await HostProcess.RunAsync(["send", "--file", command.Path, "--config", config.Path, "--direct"]);

        Assert.True(exit == 0, stderr);
        var output = JsonNode.Parse(stdout)!;
        Assert.Equal("MessageSent", output["event"]!.GetValue<string>());
        Assert.Equal(Assert.Single(emulator.Messages).ClientMsgId, output["outcome"]!["deliveries"]![0]!["providerMessageKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_ThroughTheInMemoryBus_PrintsMessageSentAndExitsZero()
    {
        await using var emulator = new OpenImEmulator();
        await emulator.StartAsync();
        using var config = HostProcess.WriteTemp(CliSamples.OpenImOnly(emulator, "InMemory"));
        using var command = HostProcess.WriteTemp(CliSamples.TextCommand);

        var (exit, stdout, stderr) = await HostProcess.RunAsync(["send", "--file", command.Path, "--config", config.Path]);

        Assert.True(exit == 0, stderr);
        Assert.Equal("MessageSent", JsonNode.Parse(stdout)!["event"]!.GetValue<string>());
        Assert.Equal("user-42", Assert.Single(emulator.Messages).RecvId);
    }

    [Fact]
    public async Task SendDirect_InvalidCommand_PrintsMessageSendFailedAndExitsOne()
    {
        await using var emulator = new OpenImEmulator();
        await emulator.StartAsync();
        using var config = HostProcess.WriteTemp(CliSamples.OpenImOnly(emulator, "InMemory"));
        using var command = HostProcess.WriteTemp("""{ "messageId": "m", "groupId": "g", "content": { "type": "notification", "notification": { "title": "t", "text": "x", "type": 1 } } }""");

        var (exit, stdout, _) = await HostProcess.RunAsync(["send", "--file", command.Path, "--config", config.Path, "--direct"]);

        Assert.Equal(1, exit);
        var output = JsonNode.Parse(stdout)!;
        Assert.Equal(("MessageSendFailed", "InvalidMessage"), (output["event"]!.GetValue<string>(), output["outcome"]!["error"]!["code"]!.GetValue<string>()));
        Assert.Equal(0, emulator.Requests.Count);
    }

    [Fact]
    public async Task Send_ThroughTheBusWithoutAProvider_ExitsThreeWithoutABusWarningFirst()
    {
        using var config = HostProcess.WriteTemp("""{ "Messaging": { "Transport": "InMemory" } }""");
        using var command = HostProcess.WriteTemp(CliSamples.TextCommand);

        var (exit, stdout, stderr) = await HostProcess.RunAsync(["send", "--file", command.Path, "--config", config.Path]);

        Assert.Equal(3, exit);
        Assert.StartsWith("Configuration error:", stderr, StringComparison.Ordinal);
        Assert.Contains("Gateway:Providers", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to stop bus", stdout + stderr, StringComparison.Ordinal);
    }
}
