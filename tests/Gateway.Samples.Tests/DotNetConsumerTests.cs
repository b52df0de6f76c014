using System.Text;
using Gateway.Core.Contracts;
using Gateway.Samples.Tests.Support;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;
using MassTransit;
using RabbitMQ.Client;

namespace Gateway.Samples.Tests;

/// <summary>
/// docs/events.md's advice for a .NET service on MassTransit, as written there: the contracts package and a receive
/// endpoint per its configuration, against the real worker in either event format.
/// </summary>
[Collection(SamplesCollection.Name)]
public sealed class DotNetConsumerTests(RabbitMqBroker broker)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task MassTransitFormat_OneEndpointForBothEvents_GetsEachOutcomeAsItsType()
    {
        await using var openIm = new OpenImEmulator();
        await openIm.StartAsync();
        var virtualHost = await broker.CreateVirtualHostAsync("samples-dotnet-mt");
        await using var worker = await Worker.StartAsync(openIm, broker.Port, virtualHost, new Dictionary<string, string?> { ["Messaging__Events__Format"] = null });
        var sent = new TaskCompletionSource<MessageSent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var failed = new TaskCompletionSource<MessageSendFailed>(TaskCreationOptions.RunContinuationsAsynchronously);
        var good = Ids.New("mt-good");
        var bad = Ids.New("mt-bad");

        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            Host(cfg, virtualHost);
            cfg.ReceiveEndpoint("my-service-outcomes", e =>
            {
                e.Handler<MessageSent>(context => Complete(sent, context.Message, context.Message.MessageId == good));
                e.Handler<MessageSendFailed>(context => Complete(failed, context.Message, context.Message.MessageId == bad));
            });
        });
        await bus.StartAsync(new CancellationTokenSource(Patience).Token);
        try
        {
            await PublishAsync(virtualHost, good, bad);

            var outcome = await sent.Task.WaitAsync(Patience);
            Assert.Equal("user-42", Assert.Single(outcome.Deliveries).Recipient);
            Assert.Equal(GatewayErrorCode.InvalidMessage, (await failed.Task.WaitAsync(Patience)).Error.Code);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    [Fact]
    public async Task JsonFormat_RawJsonEndpointPerEvent_GetsEachOutcomeOnlyOnItsOwnEndpoint()
    {
        await using var openIm = new OpenImEmulator();
        await openIm.StartAsync();
        var virtualHost = await broker.CreateVirtualHostAsync("samples-dotnet-json");
        await using var worker = await Worker.StartAsync(openIm, broker.Port, virtualHost);
        var sent = new TaskCompletionSource<MessageSent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var failed = new TaskCompletionSource<MessageSendFailed>(TaskCreationOptions.RunContinuationsAsynchronously);
        var wrongEndpoint = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var good = Ids.New("json-good");
        var bad = Ids.New("json-bad");

        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            Host(cfg, virtualHost);
            cfg.ReceiveEndpoint("my-service-message-sent", e =>
            {
                e.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
                e.Handler<MessageSent>(context => context.Message.MessageId == bad
                    ? Complete(wrongEndpoint, "MessageSent endpoint got the failure", true)
                    : Complete(sent, context.Message, context.Message.MessageId == good));
            });
            cfg.ReceiveEndpoint("my-service-message-send-failed", e =>
            {
                e.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
                e.Handler<MessageSendFailed>(context => context.Message.MessageId == good
                    ? Complete(wrongEndpoint, "MessageSendFailed endpoint got the success", true)
                    : Complete(failed, context.Message, context.Message.MessageId == bad));
            });
        });
        await bus.StartAsync(new CancellationTokenSource(Patience).Token);
        try
        {
            await PublishAsync(virtualHost, good, bad);

            var outcome = await sent.Task.WaitAsync(Patience);
            Assert.Equal("user-42", Assert.Single(outcome.Deliveries).Recipient);
            var failure = await failed.Task.WaitAsync(Patience);
            Assert.Equal(GatewayErrorCode.InvalidMessage, failure.Error.Code);
            Assert.Contains(failure.Error.Details!, d => d.Field == "content.image.original.url");
            if (wrongEndpoint.Task.IsCompleted)
            {
                Assert.Fail(await wrongEndpoint.Task);
            }
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private void Host(IRabbitMqBusFactoryConfigurator cfg, string virtualHost) =>
        cfg.Host("127.0.0.1", (ushort)broker.Port, virtualHost, h =>
        {
            h.Username("guest");
            h.Password("guest");
        });

    private static Task Complete<T>(TaskCompletionSource<T> source, T value, bool matches)
    {
        if (matches)
        {
            source.TrySetResult(value);
        }

        return Task.CompletedTask;
    }

    /// <summary>Publishes a good and a bad command as plain JSON, as any client does.</summary>
    private async Task PublishAsync(string virtualHost, string good, string bad)
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = broker.Port, VirtualHost = virtualHost };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        foreach (var json in new[]
        {
            $$"""{ "messageId": "{{good}}", "to": ["user-42"], "content": { "type": "text", "text": { "text": "hello" } } }""",
            $$"""{ "messageId": "{{bad}}", "to": ["user-42"], "content": { "type": "image", "image": { "format": "jpg", "original": { "url": "", "width": 1, "height": 1 } } } }""",
        })
        {
            var properties = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
            await channel.BasicPublishAsync(string.Empty, "send-message", mandatory: true, properties, Encoding.UTF8.GetBytes(json));
        }
    }
}
