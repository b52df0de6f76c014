using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Host.Tests.Support;
using Gateway.Testing;

namespace Gateway.Host.Tests.Messaging;

/// <summary>The worker on a real RabbitMQ node: delivery, plain JSON, invalid input, retries, the error queue.</summary>
[Collection(BrokerCollection.Name)]
public class SendMessageConsumerTests(RabbitMqBroker broker)
{
    [Fact]
    public async Task Consume_TypedCommand_SendsAndPublishesMessageSent()
    {
        var provider = new ScriptedProviderFactory();
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("typed"), provider);

        await worker.SendCommandAsync(Command("typed-1", "alice"));
        var sent = await worker.Outcomes.WaitForAsync<MessageSent>("typed-1");

        Assert.Equal(("scripted", "alice", "key-alice"), (sent.Provider, sent.Deliveries[0].Recipient, sent.Deliveries[0].ProviderMessageKey));
        Assert.Equal("typed-1", Assert.Single(provider.Received).MessageId);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task Consume_PlainJsonFromAnotherLanguage_IsDelivered(string? contentType)
    {
        var provider = new ScriptedProviderFactory();
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("raw"), provider);

        await worker.Raw.PublishAsync("send-message", """
            {"messageId":"raw-1","to":["bob"],"content":{"type":"text","text":{"text":"from python"}},"options":{"onlineOnly":true}}
            """, contentType);
        var sent = await worker.Outcomes.WaitForAsync<MessageSent>("raw-1");

        Assert.Equal("bob", Assert.Single(sent.Deliveries).Recipient);
        var received = Assert.Single(provider.Received);
        Assert.Equal(("from python", true), (received.Content.Text!.Text, received.Options!.OnlineOnly));
    }

    [Fact]
    public async Task Consume_InvalidCommand_PublishesFailureAndKeepsConsuming()
    {
        var provider = new ScriptedProviderFactory();
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("invalid"), provider);

        await worker.Raw.PublishAsync("send-message", """{"messageId":"bad-1","to":["a","a"],"content":{"type":"text"}}""", "application/json");
        await worker.SendCommandAsync(Command("good-after-bad", "alice"));
        var failed = await worker.Outcomes.WaitForAsync<MessageSendFailed>("bad-1");
        await worker.Outcomes.WaitForAsync<MessageSent>("good-after-bad");

        Assert.Equal(GatewayErrorCode.InvalidMessage, failed.Error.Code);
        Assert.Equal(0, failed.Attempts);
        Assert.Equal(["to", "content.text"], failed.Error.Details!.Select(d => d.Field).ToArray());
        Assert.Equal(["good-after-bad"], provider.Received.Select(m => m.MessageId).ToArray());
        Assert.Equal(0u, await worker.Raw.CountAsync("send-message_error"));
    }

    [Fact]
    public async Task Consume_TransientFailureThenSuccess_RetriesAndPublishesOnlyMessageSent()
    {
        var provider = new ScriptedProviderFactory();
        provider.Script.Enqueue((_, _) => throw ScriptedProviderFactory.Transient("scripted"));
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("transient"), provider);

        await worker.SendCommandAsync(Command("flaky-1", "alice"));
        await worker.Outcomes.WaitForAsync<MessageSent>("flaky-1");

        Assert.Equal(2, provider.Received.Count);
        Assert.DoesNotContain(worker.Outcomes.Events, e => e is MessageSendFailed);
    }

    [Fact]
    public async Task Consume_TransientFailureEveryTime_ErrorQueueAndTransientFailureEvent()
    {
        var provider = new ScriptedProviderFactory();
        for (var i = 0; i < 3; i++)
        {
            provider.Script.Enqueue((_, _) => throw ScriptedProviderFactory.Transient("scripted"));
        }

        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("exhausted"), provider);

        await worker.SendCommandAsync(Command("down-1", "alice"));
        var failed = await worker.Outcomes.WaitForAsync<MessageSendFailed>("down-1");
        var (body, headers) = await worker.Raw.WaitForMessageAsync("send-message_error");

        Assert.True(failed.Error.Transient);
        Assert.Equal((GatewayErrorCode.ProviderUnavailable, "500", 3), (failed.Error.Code, failed.Error.ProviderCode, failed.Attempts));
        Assert.Equal(3, provider.Received.Count);
        Assert.Contains("down-1", body, StringComparison.Ordinal);
        Assert.Contains("gave up after 3 attempts", RawBrokerClient.Header(headers, "MT-Fault-Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consume_PermanentProviderError_PublishesFailureOnceWithoutRetry()
    {
        var provider = new ScriptedProviderFactory();
        provider.Script.Enqueue((_, _) => throw new ProviderException("scripted", GatewayErrorCode.RecipientNotFound, "user not found", providerErrorCode: "1004"));
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("permanent"), provider);

        await worker.SendCommandAsync(Command("nobody-1", "ghost"));
        var failed = await worker.Outcomes.WaitForAsync<MessageSendFailed>("nobody-1");

        Assert.Equal((GatewayErrorCode.RecipientNotFound, false, 1), (failed.Error.Code, failed.Error.Transient, failed.Attempts));
        Assert.Single(provider.Received);
        Assert.Equal(0u, await worker.Raw.CountAsync("send-message_error"));
    }

    [Fact]
    public async Task Consume_MalformedJson_ErrorQueueWithReasonAndKeepsConsuming()
    {
        var provider = new ScriptedProviderFactory();
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("malformed"), provider);

        await worker.Raw.PublishAsync("send-message", """{"messageId":"broken", "to": ["a"] "content": """, "application/json");
        await worker.SendCommandAsync(Command("after-broken", "alice"));
        var (body, headers) = await worker.Raw.WaitForMessageAsync("send-message_error");
        await worker.Outcomes.WaitForAsync<MessageSent>("after-broken");

        Assert.StartsWith("""{"messageId":"broken",""", body, StringComparison.Ordinal);
        Assert.NotEmpty(RawBrokerClient.Header(headers, "MT-Fault-Message"));
        Assert.Contains("Json", RawBrokerClient.Header(headers, "MT-Fault-ExceptionType"), StringComparison.Ordinal);
        Assert.Equal(["after-broken"], provider.Received.Select(m => m.MessageId).ToArray());
    }

    [Fact]
    public async Task Consume_SameCommandTwice_SecondOutcomeIsDuplicateAndNothingSentAgain()
    {
        var provider = new ScriptedProviderFactory();
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("redelivery"), provider);

        await worker.SendCommandAsync(Command("twice-1", "alice"));
        await worker.Outcomes.WaitForAsync<MessageSent>("twice-1");
        await worker.SendCommandAsync(Command("twice-1", "alice"));
        await WaitUntilAsync(() => worker.Outcomes.Events.OfType<MessageSent>().Count(e => e.MessageId == "twice-1") == 2);

        Assert.Single(provider.Received);
        Assert.Equal([false, true], worker.Outcomes.Events.OfType<MessageSent>().Where(e => e.MessageId == "twice-1").Select(e => e.Duplicate).ToArray());
    }

    [Fact]
    public async Task StopAsync_SendInFlight_FinishesAndPublishesBeforeStopping()
    {
        var provider = new ScriptedProviderFactory();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Script.Enqueue(async (message, _) =>
        {
            started.SetResult();
            await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
            return await ScriptedProviderFactory.Delivered(message);
        });
        var virtualHost = await broker.CreateVirtualHostAsync("shutdown");
        var worker = await TestWorker.StartScriptedAsync(broker, virtualHost, provider);

        await worker.SendCommandAsync(Command("in-flight-1", "alice"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await worker.DisposeAsync();

        // The event was published before the bus stopped: the test's collector either consumed it or it waits in its queue.
        await using var raw = new RawBrokerClient(broker.Port, virtualHost);
        var collected = worker.Outcomes.Events.Count(e => e is MessageSent { MessageId: "in-flight-1" });
        Assert.Equal(1, collected + (int)await raw.CountAsync("test-outcomes"));
        // The command was acknowledged after the send finished: nothing left to redeliver, nothing in the error queue.
        Assert.Equal((0u, 0u), (await raw.CountAsync("send-message"), await raw.CountAsync("send-message_error")));
    }

    internal static SendMessage Command(string id, params string[] to) => new()
    {
        MessageId = id,
        To = to,
        Content = MessageContent.FromText("hello " + id),
    };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition());
    }
}
