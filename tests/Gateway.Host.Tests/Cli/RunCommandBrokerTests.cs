using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.Host.Tests.Support;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;

namespace Gateway.Host.Tests.Cli;

/// <summary>
/// The first run with one provider, as the README has it: the shipped appsettings.json, one OpenIM instance set only
/// by <c>Gateway__Providers__openim__*</c> environment variables (the broker's address too, as a deployment sets it),
/// <c>send</c> publishing to it over RabbitMQ, and a stop by SIGTERM.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class RunCommandBrokerTests(RabbitMqBroker broker)
{
    [Theory]
    [InlineData("MassTransit")]
    [InlineData("Json")]
    public async Task Run_ShippedAppSettingsWithOneProviderFromTheEnvironment_ConsumesAndStopsOnSigterm(string format)
    {
        await using var emulator = new OpenImEmulator();
        await emulator.StartAsync();
        var virtualHost = await broker.CreateVirtualHostAsync("first-run");
        var environment = new Dictionary<string, string>
        {
            ["Gateway__Providers__openim__Type"] = "OpenIm",
            ["Gateway__Providers__openim__BaseUrl"] = emulator.BaseAddress.ToString(),
            ["Gateway__Providers__openim__Secret"] = emulator.Secret,
            ["RabbitMq__Host"] = "127.0.0.1",
            ["RabbitMq__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["RabbitMq__VirtualHost"] = virtualHost,
            ["Messaging__Events__Format"] = format,
        };
        using var command = HostProcess.WriteTemp(CliSamples.TextCommand);
        await using var raw = new RawBrokerClient(broker.Port, virtualHost);
        await using var worker = HostProcess.Start(["run"], environment);

        await raw.WaitForConsumerAsync("send-message", TimeSpan.FromSeconds(60));
        var send = await HostProcess.RunAsync(["send", "--file", command.Path, "--timeout", "00:00:30"], environment);
        var (exit, stdout, stderr) = await worker.StopAsync(TimeSpan.FromSeconds(40));

        Assert.True(send.ExitCode == 0, send.StdOut + send.StdErr);
        var outcome = JsonNode.Parse(send.StdOut)!;
        Assert.Equal(("MessageSent", "openim"), (outcome["event"]!.GetValue<string>(), outcome["outcome"]!["provider"]!.GetValue<string>()));
        Assert.Equal("user-42", Assert.Single(emulator.Messages).RecvId);
        Assert.True(exit == 0, stdout + stderr);
        Assert.DoesNotContain("Configuration error", stdout + stderr, StringComparison.Ordinal);
        // The shipped default: the command queues are quorum queues.
        Assert.True(await raw.IsQuorumQueueAsync("send-message"));
    }
}
