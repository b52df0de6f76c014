using Gateway.Core.Contracts;
using Gateway.Host.Tests.Support;
using Gateway.Testing;

namespace Gateway.Host.Tests.Messaging;

[Collection(BrokerCollection.Name)]
public class RevokeMessageConsumerTests(RabbitMqBroker broker)
{
    [Fact]
    public async Task Consume_RevokeCommand_RevokesAndPublishesMessageRevoked()
    {
        var provider = new ScriptedProviderFactory();
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("revoke"), provider);

        await worker.Raw.PublishAsync("revoke-message", """
            {"messageId":"rv-1","target":{"to":"alice"},"providerMessageKey":"key-alice"}
            """, "application/json");
        var revoked = await worker.Outcomes.WaitForAsync<MessageRevoked>("rv-1");

        Assert.Equal(("scripted", "key-alice"), (revoked.Provider, revoked.ProviderMessageKey));
        Assert.Equal("alice", Assert.Single(provider.Revoked).Target.To);
    }

    [Fact]
    public async Task Consume_InvalidRevoke_PublishesMessageRevokeFailed()
    {
        var provider = new ScriptedProviderFactory();
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("revoke-bad"), provider);

        await worker.SendCommandAsync(new RevokeMessage { MessageId = "rv-bad", ProviderMessageKey = "", Target = new RevokeTarget { To = "alice" } }, "revoke-message");
        var failed = await worker.Outcomes.WaitForAsync<MessageRevokeFailed>("rv-bad");

        Assert.Equal("providerMessageKey", Assert.Single(failed.Error.Details!).Field);
        Assert.Empty(provider.Revoked);
    }
}
