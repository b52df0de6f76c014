using Gateway.Core.Contracts;
using Gateway.Host.Tests.Support;
using Gateway.Testing;

namespace Gateway.Host.Tests.Messaging;

/// <summary><c>revoke-message</c> on a real RabbitMQ node (integration).</summary>
[Collection(BrokerCollection.Name)]
public sealed class RevokeMessageBrokerTests(RabbitMqBroker broker)
{
    [Fact]
    public async Task Consume_RevokeCommand_RevokesAndPublishesMessageRevoked()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("revoke"));

        await worker.Raw.PublishAsync("revoke-message", """
            {"messageId":"rv-1","target":{"to":"alice"},"providerMessageKey":"key-alice"}
            """, "application/json");
        var revoked = await worker.Outcomes.WaitForAsync<MessageRevoked>("rv-1");

        Assert.Equal((ScriptedProviders.Name, "key-alice"), (revoked.Provider, revoked.ProviderMessageKey));
        var request = Assert.Single(worker.Providers.Default.Revoked);
        Assert.Equal(("key-alice", "alice"), (request.ProviderMessageKey, Assert.IsType<Gateway.Core.Messages.UserRecipients>(request.Conversation).UserIds.Single()));
    }

    [Fact]
    public async Task Consume_InvalidRevoke_PublishesMessageRevokeFailed()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("revoke-bad"));

        await worker.SendCommandAsync(Samples.Revoke("rv-bad", providerMessageKey: ""));
        var failed = await worker.Outcomes.WaitForAsync<MessageRevokeFailed>("rv-bad");

        Assert.Equal("providerMessageKey", Assert.Single(failed.Error.Details!).Field);
        Assert.Empty(worker.Providers.Default.Revoked);
    }
}
