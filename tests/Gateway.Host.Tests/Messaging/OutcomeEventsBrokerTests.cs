using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Core.Contracts;
using Gateway.Core.Serialization;
using Gateway.Host.Demo;
using Gateway.Host.Messaging;
using Gateway.Host.Tests.Support;
using Gateway.Testing;
using MassTransit;
using RabbitMQ.Client;

namespace Gateway.Host.Tests.Messaging;

/// <summary>
/// The outcome events on the broker as another service sees them, through a raw AMQP client: MassTransit's envelope
/// by default, the bare camelCase event with <c>Messaging:Events:Format = Json</c> (plus a copy to the command's
/// <c>reply_to</c>), and a MassTransit service reading the plain JSON with the raw JSON deserializer.
/// </summary>
[Collection(BrokerCollection.Name)]
public sealed class OutcomeEventsBrokerTests(RabbitMqBroker broker)
{
    private static readonly string SentExchange = EventExchanges.For(typeof(MessageSent));
    private static readonly string FailedExchange = EventExchanges.For(typeof(MessageSendFailed));

    private static readonly Dictionary<string, string?> JsonEvents = new() { ["Messaging:Events:Format"] = "Json" };

    [Fact]
    public async Task Publish_DefaultFormat_MassTransitEnvelopeOnTheContractsExchange()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("envelope"));
        await worker.Raw.BindQueueAsync("envelope-events", SentExchange);

        await worker.Raw.PublishAsync("send-message", """{"messageId":"env-1","to":["bob"],"content":{"type":"text","text":{"text":"hi"}}}""", "application/json");
        var message = await worker.Raw.WaitForMessageAsync("envelope-events");

        var envelope = JsonNode.Parse(message.Body)!;
        Assert.Equal("urn:message:Gateway.Core.Contracts:MessageSent", envelope["messageType"]![0]!.GetValue<string>());
        Assert.Equal("env-1", envelope["message"]!["messageId"]!.GetValue<string>());
        Assert.Equal("application/vnd.masstransit+json", message.Properties.ContentType);
    }

    [Fact]
    public async Task Publish_JsonFormat_BareCamelCaseEventWithItsAmqpPropertiesAndACopyToReplyTo()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("json-events"), JsonEvents);
        await worker.Raw.BindQueueAsync("my-events", SentExchange, FailedExchange);
        await worker.Raw.DeclareQueueAsync("my-replies");

        await worker.Raw.PublishAsync("send-message", """{"messageId":"json-1","to":["bob"],"content":{"type":"text","text":{"text":"from python"}}}""", "application/json", replyTo: "my-replies");
        var message = await worker.Raw.WaitForMessageAsync("my-events");
        var reply = await worker.Raw.WaitForMessageAsync("my-replies");

        // The event itself, not an envelope: what docs/contracts.md shows, read with the contracts' own options.
        var json = JsonNode.Parse(message.Body)!.AsObject();
        Assert.Equal(["deliveries", "duplicate", "failedRecipients", "ignoredOptions", "messageId", "provider"], json.Select(p => p.Key).Order(StringComparer.Ordinal).ToArray());
        var sent = JsonSerializer.Deserialize<MessageSent>(message.Body, GatewayJson.Options)!;
        Assert.Equal(("json-1", ScriptedProviders.Name, "bob"), (sent.MessageId, sent.Provider, sent.Deliveries[0].Recipient));
        Assert.Equal(("application/json", "json-1", "MessageSent", "MessageSent"), (message.Properties.ContentType, message.Properties.MessageId, message.Properties.Type, message.Header("type")));
        Assert.Equal(DeliveryModes.Persistent, message.Properties.DeliveryMode);
        Assert.Equal("urn:message:Gateway.Core.Contracts:MessageSent", message.Header("MT-MessageType"));
        Assert.Equal(message.Body, reply.Body);
        Assert.Equal(("application/json", "json-1", "MessageSent", "MessageSent"), (reply.Properties.ContentType, reply.Properties.MessageId, reply.Properties.Type, reply.Header("type")));
    }

    [Fact]
    public async Task Publish_JsonFormatAfterARedelivery_TheReplyToQueueStillGetsTheOutcome()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("json-redelivered"), JsonEvents);
        await worker.Raw.DeclareQueueAsync("my-replies");
        worker.Providers.Default.ThrowOnSend(ScriptedProviders.Transient(), times: 3);

        await worker.Raw.PublishAsync("send-message", """{"messageId":"json-later","to":["bob"],"content":{"type":"text","text":{"text":"x"}}}""", "application/json", replyTo: "my-replies");
        var reply = await worker.Raw.WaitForMessageAsync("my-replies");

        // The copy that came back from the delay queue kept the reply queue (in MG-Reply-To): its AMQP reply_to is gone.
        Assert.Equal(("MessageSent", "json-later"), (reply.Properties.Type, reply.Properties.MessageId));
        Assert.Equal(4, worker.Providers.Default.Sent.Count);
        Assert.Contains(worker.Logs.GetSnapshot(), l => l.Id.Name == "Redelivering");
    }

    [Fact]
    public async Task Publish_JsonFormatInvalidCommand_MessageSendFailedNamingTheField()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("json-invalid"), JsonEvents);
        await worker.Raw.BindQueueAsync("my-events", SentExchange, FailedExchange);

        await worker.Raw.PublishAsync("send-message", """{"messageId":"json-bad","to":["a","a"],"content":{"type":"text","text":{"text":"x"}}}""", "application/json");
        var message = await worker.Raw.WaitForMessageAsync("my-events");

        Assert.Equal(("MessageSendFailed", "MessageSendFailed", "json-bad"), (message.Properties.Type, message.Header("type"), message.Properties.MessageId));
        var failed = JsonSerializer.Deserialize<MessageSendFailed>(message.Body, GatewayJson.Options)!;
        Assert.Equal((GatewayErrorCode.InvalidMessage, 0), (failed.Error.Code, failed.Attempts));
        Assert.Equal("to", Assert.Single(failed.Error.Details!).Field);
        Assert.Equal("InvalidMessage", JsonNode.Parse(message.Body)!["error"]!["code"]!.GetValue<string>());
        Assert.Empty(worker.Providers.Default.Sent);
    }

    [Fact]
    public async Task Publish_JsonFormat_MassTransitServiceWithTheRawJsonDeserializerConsumesIt()
    {
        var virtualHost = await broker.CreateVirtualHostAsync("json-dotnet");
        await using var worker = await TestWorker.StartScriptedAsync(broker, virtualHost, JsonEvents);
        var inbox = new OutcomeInbox();
        var service = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host("127.0.0.1", (ushort)broker.Port, virtualHost, host =>
            {
                host.Username("guest");
                host.Password("guest");
            });

            // A .NET service that reads the plain events: the raw JSON deserializer, which takes each event's type
            // from MT-MessageType, so one consumer of all four events gets each as what it is.
            cfg.ReceiveEndpoint("dotnet-service-outcomes", endpoint =>
            {
                endpoint.UseRawJsonDeserializer(isDefault: true);
                endpoint.Consumer(() => new OutcomeCollector(inbox));
            });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await service.StartAsync(timeout.Token);
        try
        {
            await worker.SendCommandAsync(Samples.Text("json-2"));
            await worker.SendCommandAsync(Samples.Text("json-3") with { To = [] });

            var sent = await inbox.WaitForAsync<MessageSent>("json-2");
            var failed = await inbox.WaitForAsync<MessageSendFailed>("json-3");

            Assert.Equal(("json-2", ScriptedProviders.Name, "key-alice"), (sent.MessageId, sent.Provider, sent.Deliveries[0].ProviderMessageKey));
            Assert.Equal(GatewayErrorCode.InvalidMessage, failed.Error.Code);
            Assert.Equal(["MessageSendFailed(json-3)", "MessageSent(json-2)"], inbox.Events.Select(e => $"{e.GetType().Name}({OutcomeInbox.MessageIdOf(e)})").Order().ToArray());
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
