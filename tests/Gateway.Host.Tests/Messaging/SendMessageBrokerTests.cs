using Gateway.Core.Contracts;
using Gateway.Host.Messaging;
using Gateway.Host.Tests.Support;
using Gateway.Testing;

namespace Gateway.Host.Tests.Messaging;

/// <summary>
/// The worker on a real RabbitMQ node (integration): typed and plain-JSON commands, invalid input, retries,
/// redelivery through the real delay queue, the error queue, duplicates and shutdown.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class SendMessageBrokerTests(RabbitMqBroker broker)
{
    [Fact]
    public async Task Consume_TypedCommand_SendsAndPublishesMessageSent()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("typed"));

        await worker.SendCommandAsync(Samples.Text("typed-1"));
        var sent = await worker.Outcomes.WaitForAsync<MessageSent>("typed-1");

        Assert.Equal((ScriptedProviders.Name, "alice", "key-alice"), (sent.Provider, sent.Deliveries[0].Recipient, sent.Deliveries[0].ProviderMessageKey));
        Assert.Equal("typed-1", Assert.Single(worker.Providers.Default.Sent).MessageId);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Consume_PlainJsonFromAnotherLanguage_IsDelivered(string? contentType)
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("raw"));

        await worker.Raw.PublishAsync("send-message", """
            {"messageId":"raw-1","to":["bob"],"content":{"type":"text","text":{"text":"from python"}},"options":{"onlineOnly":true}}
            """, contentType);
        var sent = await worker.Outcomes.WaitForAsync<MessageSent>("raw-1");

        Assert.Equal("bob", Assert.Single(sent.Deliveries).Recipient);
        var received = Assert.Single(worker.Providers.Default.Sent);
        Assert.Equal(("from python", true), (received.Content.Text!.Text, received.Options!.OnlineOnly));
    }

    [Fact]
    public async Task Consume_InvalidCommand_PublishesFailureAndKeepsConsuming()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("invalid"));

        await worker.Raw.PublishAsync("send-message", """{"messageId":"bad-1","to":["a","a"],"content":{"type":"text"}}""", "application/json");
        await worker.SendCommandAsync(Samples.Text("good-after-bad"));
        var failed = await worker.Outcomes.WaitForAsync<MessageSendFailed>("bad-1");
        await worker.Outcomes.WaitForAsync<MessageSent>("good-after-bad");

        Assert.Equal(GatewayErrorCode.InvalidMessage, failed.Error.Code);
        Assert.Equal(0, failed.Attempts);
        Assert.Equal(["to", "content.text"], failed.Error.Details!.Select(d => d.Field).ToArray());
        Assert.Equal(["good-after-bad"], worker.Providers.Default.Sent.Select(m => m.MessageId).ToArray());
        Assert.Equal(0u, await worker.Raw.CountAsync("send-message_error"));
    }

    [Fact]
    public async Task Consume_TransientFailureThenSuccess_RetriesAndPublishesOnlyMessageSent()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("transient"));
        worker.Providers.Default.ThrowOnSend(ScriptedProviders.Transient(), times: 1);

        await worker.SendCommandAsync(Samples.Text("flaky-1"));
        await worker.Outcomes.WaitForAsync<MessageSent>("flaky-1");

        Assert.Equal(2, worker.Providers.Default.Sent.Count);
        Assert.DoesNotContain(worker.Outcomes.Events, e => e is MessageSendFailed);
    }

    [Fact]
    public async Task Consume_TransientUntilTheRetriesAreSpent_RedeliveredThroughTheDelayQueueAndSent()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("redelivery"));
        worker.Providers.Default.ThrowOnSend(ScriptedProviders.Transient(), times: 3);

        await worker.SendCommandAsync(Samples.Text("later-1"));
        await worker.Outcomes.WaitForAsync<MessageSent>("later-1");

        Assert.Equal(4, worker.Providers.Default.Sent.Count);
        Assert.DoesNotContain(worker.Outcomes.Events, e => e is MessageSendFailed);
        var redelivering = Assert.Single(worker.Logs.GetSnapshot(), l => l.Id.Name == "Redelivering");
        Assert.Contains("after 3 attempts; redelivering in 00:00:01", redelivering.Message, StringComparison.Ordinal);
        // The delay queue the topology declared: it dead-letters back to send-message and is empty again.
        var delay = await worker.Raw.InspectAsync("send-message_delay_1s");
        Assert.Equal((0u, 0u), (delay!.MessageCount, delay.ConsumerCount));
        Assert.Equal(0u, await worker.Raw.CountAsync("send-message_error"));
    }

    [Fact]
    public async Task Consume_TransientUntilTheBudgetIsSpent_ErrorQueueAndOneTransientFailureEvent()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("exhausted"), new Dictionary<string, string?>
        {
            ["Messaging:Redelivery:Budget"] = "00:00:01.500",
        });
        worker.Providers.Default.ThrowOnSend(ScriptedProviders.Transient());

        await worker.SendCommandAsync(Samples.Text("down-1"));
        var failed = await worker.Outcomes.WaitForAsync<MessageSendFailed>("down-1");
        var error = await worker.Raw.WaitForMessageAsync("send-message_error");

        Assert.True(failed.Error.Transient);
        // Two deliveries (the redelivery through send-message_delay_1s) of 1 + Retry:Limit attempts each.
        Assert.Equal((GatewayErrorCode.ProviderUnavailable, "500", 6), (failed.Error.Code, failed.Error.ProviderCode, failed.Attempts));
        Assert.Equal(6, worker.Providers.Default.Sent.Count);
        Assert.Contains("down-1", error.Body, StringComparison.Ordinal);
        Assert.Equal("errCode 500: service down", error.Header("MT-Fault-Message"));
        Assert.Contains("ProviderException", error.Header("MT-Fault-ExceptionType"), StringComparison.Ordinal);
        Assert.Equal("3", error.Header(DeliveryAttempts.AttemptsHeader));
        Assert.Single(worker.Outcomes.Events, e => e is MessageSendFailed);
    }

    [Fact]
    public async Task Consume_PermanentProviderError_PublishesFailureOnceWithoutRetry()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("permanent"));
        worker.Providers.Default.ThrowOnSend(ScriptedProviders.NotFound());

        await worker.SendCommandAsync(Samples.Text("nobody-1") with { To = ["ghost"] });
        var failed = await worker.Outcomes.WaitForAsync<MessageSendFailed>("nobody-1");

        Assert.Equal((GatewayErrorCode.RecipientNotFound, false, 1), (failed.Error.Code, failed.Error.Transient, failed.Attempts));
        Assert.Single(worker.Providers.Default.Sent);
        Assert.Equal(0u, await worker.Raw.CountAsync("send-message_error"));
    }

    [Fact]
    public async Task Consume_MalformedJson_ErrorQueueWithReasonAndKeepsConsuming()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("malformed"));

        await worker.Raw.PublishAsync("send-message", """{"messageId":"broken", "to": ["a"] "content": """, "application/json");
        await worker.SendCommandAsync(Samples.Text("after-broken"));
        var error = await worker.Raw.WaitForMessageAsync("send-message_error");
        await worker.Outcomes.WaitForAsync<MessageSent>("after-broken");

        Assert.StartsWith("""{"messageId":"broken",""", error.Body, StringComparison.Ordinal);
        Assert.Contains("UnreadableCommandException", error.Header("MT-Fault-ExceptionType"), StringComparison.Ordinal);
        Assert.StartsWith("the body is not ", error.Header("MT-Fault-Message"), StringComparison.Ordinal);
        Assert.Equal(["after-broken"], worker.Providers.Default.Sent.Select(m => m.MessageId).ToArray());
    }

    [Fact]
    public async Task Consume_SameCommandTwice_SecondOutcomeIsDuplicateAndNothingSentAgain()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("twice"));

        await worker.SendCommandAsync(Samples.Text("twice-1"));
        await worker.Outcomes.WaitForAsync<MessageSent>("twice-1");
        await worker.SendCommandAsync(Samples.Text("twice-1"));
        await worker.Outcomes.WaitForCountAsync(2, TimeSpan.FromSeconds(30));

        Assert.Single(worker.Providers.Default.Sent);
        Assert.Equal([false, true], worker.Outcomes.Events.OfType<MessageSent>().Where(e => e.MessageId == "twice-1").Select(e => e.Duplicate).ToArray());
    }

    [Fact]
    public async Task StopAsync_SendInFlight_FinishesAndPublishesBeforeStopping()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var virtualHost = await broker.CreateVirtualHostAsync("shutdown");
        var worker = await TestWorker.StartScriptedAsync(broker, virtualHost);
        worker.Providers.Default.OnSend = async (message, _) =>
        {
            started.SetResult();
            await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
            return FakeProvider.Delivered(message);
        };

        await worker.SendCommandAsync(Samples.Text("in-flight-1"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.DisposeAsync();

        // The event was published before the bus stopped: the test's collector either consumed it or it waits in its queue.
        await using var raw = new RawBrokerClient(broker.Port, virtualHost);
        var collected = worker.Outcomes.Events.Count(e => e is MessageSent { MessageId: "in-flight-1" });
        Assert.Equal(1, collected + (int)await raw.CountAsync(TestWorker.OutcomesQueue));
        // The command was acknowledged after the send finished: nothing left to redeliver, nothing in the error queue.
        Assert.Equal((0u, 0u), (await raw.CountAsync("send-message"), await raw.CountAsync("send-message_error")));
    }
}
