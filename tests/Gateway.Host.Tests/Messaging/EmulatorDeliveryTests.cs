using Gateway.Core.Contracts;
using Gateway.Host.Demo;
using Gateway.Host.Tests.Support;
using Gateway.Sandbox.OpenIm;
using Gateway.Sandbox.TencentIm;
using Gateway.Testing;

namespace Gateway.Host.Tests.Messaging;

/// <summary>
/// The worker end to end: a real broker, the real adapters, and the provider emulators on loopback. What arrives at
/// the emulator is the proof of delivery; the outcome events are observed on the bus like any other service would.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class EmulatorDeliveryTests(RabbitMqBroker broker) : IAsyncLifetime
{
    private readonly OpenImEmulator _openIm = new();
    private readonly TencentImEmulator _tencent = new();

    public async Task InitializeAsync()
    {
        await _openIm.StartAsync();
        await _tencent.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _openIm.DisposeAsync();
        await _tencent.DisposeAsync();
    }

    [Fact]
    public async Task Consume_TypedAndPlainJsonCommands_ReachTheEmulatorAndPublishMessageSent()
    {
        await using var worker = await StartAsync("delivery", DemoScenario.OpenIm);

        // One after the other: two first calls at once trip the Core bug of the test below.
        await worker.SendCommandAsync(Samples.Text("typed-emu"));
        var typed = await worker.Outcomes.WaitForAsync<MessageSent>("typed-emu");
        await worker.Raw.PublishAsync("send-message", """{"messageId":"raw-emu","to":["bob"],"content":{"type":"text","text":{"text":"from go"}}}""", "application/json");
        var raw = await worker.Outcomes.WaitForAsync<MessageSent>("raw-emu");

        var delivered = _openIm.Messages.ToDictionary(m => m.RecvId!);
        Assert.Equal(typed.Deliveries[0].ProviderMessageKey, delivered["alice"].ClientMsgId);
        Assert.Equal(raw.Deliveries[0].ProviderMessageKey, delivered["bob"].ClientMsgId);
        Assert.Equal("""{"content":"from go"}""", delivered["bob"].Content);
    }

    [Fact]
    public async Task Consume_FirstCommandsAtOnce_AllReachTheEmulator()
    {
        await using var worker = await StartAsync("delivery-burst", DemoScenario.OpenIm);

        var ids = Enumerable.Range(1, 8).Select(i => $"burst-{i}").ToList();
        await Task.WhenAll(ids.Select(id => worker.SendCommandAsync(Samples.Text(id))));
        await worker.Outcomes.WaitForCountAsync(ids.Count, TimeSpan.FromSeconds(30));

        Assert.Empty(worker.Outcomes.Events.OfType<MessageSendFailed>());
        Assert.Equal(ids.Count, _openIm.Messages.Count);
    }

    [Fact]
    public async Task Consume_SameCommand_RoutedToOpenImOrTencentByConfigurationAlone()
    {
        var command = Samples.Text("route-me");

        await using (var openImWorker = await StartAsync("route-openim", DemoScenario.OpenIm))
        {
            await openImWorker.SendCommandAsync(command);
            Assert.Equal("openim", (await openImWorker.Outcomes.WaitForAsync<MessageSent>("route-me")).Provider);
        }

        await using (var tencentWorker = await StartAsync("route-tencent", DemoScenario.Tencent))
        {
            await tencentWorker.SendCommandAsync(command);
            Assert.Equal("tencent", (await tencentWorker.Outcomes.WaitForAsync<MessageSent>("route-me")).Provider);
        }

        Assert.Equal("alice", Assert.Single(_openIm.Messages).RecvId);
        Assert.Equal("alice", Assert.Single(_tencent.Messages).To);
    }

    [Fact]
    public async Task Consume_ProviderFailsTransientlyOnce_BusRetriesAndTheSecondAttemptIsDelivered()
    {
        _openIm.FailNext("/msg/send_msg", 500, "ServerInternalError", "grpc service msg down");
        await using var worker = await StartAsync("emu-transient", DemoScenario.OpenIm);

        await worker.SendCommandAsync(Samples.Text("emu-flaky"));
        await worker.Outcomes.WaitForAsync<MessageSent>("emu-flaky");

        Assert.Equal(2, _openIm.Requests.ForPath("/msg/send_msg").Count);
        Assert.Single(_openIm.Messages);
        Assert.DoesNotContain(worker.Outcomes.Events, e => e is MessageSendFailed);
    }

    [Fact]
    public async Task Consume_ProviderFailsTransientlyUntilTheBudgetIsSpent_ErrorQueueAndTransientFailure()
    {
        _openIm.FailNext("/msg/send_msg", 500, "ServerInternalError", "grpc service msg down", times: 3);
        await using var worker = await StartAsync("emu-exhausted", DemoScenario.OpenIm, new Dictionary<string, string?> { ["Messaging:Redelivery:Budget"] = "00:00:00" });

        await worker.SendCommandAsync(Samples.Text("emu-down"));
        var failed = await worker.Outcomes.WaitForAsync<MessageSendFailed>("emu-down");
        var error = await worker.Raw.WaitForMessageAsync("send-message_error");

        Assert.Equal((GatewayErrorCode.ProviderUnavailable, "500", true, 3), (failed.Error.Code, failed.Error.ProviderCode, failed.Error.Transient, failed.Attempts));
        Assert.Equal(3, _openIm.Requests.ForPath("/msg/send_msg").Count);
        Assert.Empty(_openIm.Messages);
        Assert.Contains("emu-down", error.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consume_RevokeAfterSend_EmulatorRecallsTheMessage()
    {
        await using var worker = await StartAsync("emu-revoke", DemoScenario.Tencent);
        await worker.SendCommandAsync(Samples.Text("to-revoke"));
        var sent = await worker.Outcomes.WaitForAsync<MessageSent>("to-revoke");

        await worker.SendCommandAsync(Samples.Revoke("revoke-it", sent.Deliveries[0].ProviderMessageKey!));
        var revoked = await worker.Outcomes.WaitForAsync<MessageRevoked>("revoke-it");

        Assert.Equal(sent.Deliveries[0].ProviderMessageKey, revoked.ProviderMessageKey);
        var withdraw = Assert.Single(_tencent.Requests.ForPath("/v4/openim/admin_msgwithdraw"));
        Assert.Equal(sent.Deliveries[0].ProviderMessageKey, withdraw.BodyJson()!["MsgKey"]!.GetValue<string>());
        Assert.True(Assert.Single(_tencent.Messages).Recalled);
    }

    private async Task<TestWorker> StartAsync(string name, string defaultProvider, Dictionary<string, string?>? settings = null)
    {
        var all = EmulatorConfiguration.For(_openIm, _tencent, defaultProvider);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return await TestWorker.StartAsync(broker, await broker.CreateVirtualHostAsync(name), all);
    }
}
