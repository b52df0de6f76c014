using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Host.Tests.Support;
using Gateway.Testing;

namespace Gateway.Host.Tests.Cli;

/// <summary>
/// <c>gateway requeue</c> as an operator runs it against a real broker: commands that spent their redelivery budget
/// during an outage sit in <c>send-message_error</c>; once the provider is back, a dry run lists them without moving
/// anything, and the real run moves only the matching ones, which the running worker then sends.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class RequeueCommandBrokerTests(RabbitMqBroker broker)
{
    [Fact]
    public async Task Requeue_AfterAnOutage_DryRunMovesNothingThenOnlyMatchingCommandsAreSent()
    {
        var virtualHost = await broker.CreateVirtualHostAsync("requeue");
        await using var worker = await TestWorker.StartScriptedAsync(broker, virtualHost, new Dictionary<string, string?>
        {
            ["Messaging:Redelivery:Budget"] = "00:00:00",
        });
        var down = 1;
        worker.Providers.Default.OnSend = (message, _) => Volatile.Read(ref down) == 1
            ? Task.FromException<ProviderSendResult>(ScriptedProviders.Transient())
            : Task.FromResult(FakeProvider.Delivered(message));

        await worker.SendCommandAsync(Samples.Text("order-1001-a"));
        await worker.SendCommandAsync(Samples.Text("other-1"));
        await worker.Outcomes.WaitForAsync<MessageSendFailed>("order-1001-a");
        await worker.Outcomes.WaitForAsync<MessageSendFailed>("other-1");
        await WaitForDepthAsync(worker.Raw, "send-message_error", 2);
        Volatile.Write(ref down, 0);
        var environment = new Dictionary<string, string>
        {
            ["RabbitMq__Host"] = "127.0.0.1",
            ["RabbitMq__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["RabbitMq__VirtualHost"] = virtualHost,
        };

        var dryRun = await HostProcess.RunAsync(["requeue", "--message-id", "order-1001-*", "--dry-run"], environment);
        var dryRunDepth = await worker.Raw.CountAsync("send-message_error");
        var run = await HostProcess.RunAsync(["requeue", "--message-id", "order-1001-*"], environment);
        var sent = await worker.Outcomes.WaitForAsync<MessageSent>("order-1001-a");
        var left = await worker.Raw.WaitForMessageAsync("send-message_error");

        Assert.True(dryRun.ExitCode == 0, dryRun.StdOut + dryRun.StdErr);
        var listed = JsonNode.Parse(dryRun.StdOut)!;
        Assert.Equal((true, 1, 1), (listed["dryRun"]!.GetValue<bool>(), listed["moved"]!.GetValue<int>(), listed["kept"]!.GetValue<int>()));
        Assert.Equal(2u, dryRunDepth);
        Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);
        var moved = JsonNode.Parse(run.StdOut)!;
        Assert.Equal(("send-message_error", 1, 1), (moved["errorQueue"]!.GetValue<string>(), moved["moved"]!.GetValue<int>(), moved["kept"]!.GetValue<int>()));
        var entries = moved["commands"]!.AsArray().Select(c => (c!["messageId"]!.GetValue<string>(), c["moved"]!.GetValue<bool>())).OrderBy(e => e.Item1).ToArray();
        Assert.Equal([("order-1001-a", true), ("other-1", false)], entries);
        Assert.Equal(ScriptedProviders.Name, sent.Provider);
        Assert.Contains("other-1", left.Body, StringComparison.Ordinal);
        // 1 + Retry:Limit attempts each in the outage, and one more for the requeued command only.
        var calls = worker.Providers.Default.Sent.CountBy(m => m.MessageId).ToDictionary();
        Assert.Equal((4, 3), (calls["order-1001-a"], calls["other-1"]));
    }

    private static async Task WaitForDepthAsync(RawBrokerClient raw, string queue, uint depth)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await raw.CountAsync(queue) < depth)
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
