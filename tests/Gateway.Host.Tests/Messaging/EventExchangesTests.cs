using Gateway.Core.Contracts;
using Gateway.Host.Hosting;
using Gateway.Host.Messaging;
using Gateway.Host.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Host.Tests.Messaging;

/// <summary>
/// The names other services bind to, pinned: the contracts' MassTransit message URNs (what an envelope's
/// <c>messageType</c> says and what a MassTransit consumer matches) and the event exchanges, in both event formats.
/// Moving or renaming a contract type breaks every subscriber; these tests say so first.
/// </summary>
public sealed class EventExchangesTests
{
    public static TheoryData<Type, string> Contracts => new()
    {
        { typeof(SendMessage), "urn:message:Gateway.Core.Contracts:SendMessage" },
        { typeof(RevokeMessage), "urn:message:Gateway.Core.Contracts:RevokeMessage" },
        { typeof(MessageSent), "urn:message:Gateway.Core.Contracts:MessageSent" },
        { typeof(MessageSendFailed), "urn:message:Gateway.Core.Contracts:MessageSendFailed" },
        { typeof(MessageRevoked), "urn:message:Gateway.Core.Contracts:MessageRevoked" },
        { typeof(MessageRevokeFailed), "urn:message:Gateway.Core.Contracts:MessageRevokeFailed" },
    };

    public static TheoryData<Type, string> Events => new()
    {
        { typeof(MessageSent), "Gateway.Core.Contracts:MessageSent" },
        { typeof(MessageSendFailed), "Gateway.Core.Contracts:MessageSendFailed" },
        { typeof(MessageRevoked), "Gateway.Core.Contracts:MessageRevoked" },
        { typeof(MessageRevokeFailed), "Gateway.Core.Contracts:MessageRevokeFailed" },
    };

    [Theory]
    [MemberData(nameof(Contracts))]
    public void MessageUrn_Contract_IsPinned(Type contract, string urn)
    {
        Assert.Equal(urn, MessageUrn.ForTypeString(contract));
    }

    [Fact]
    public void MessageUrn_Generic_SameAsByType()
    {
        Assert.Equal("urn:message:Gateway.Core.Contracts:SendMessage", MessageUrn.ForTypeString<SendMessage>());
        Assert.Equal("urn:message:Gateway.Core.Contracts:MessageSent", MessageUrn.ForTypeString<MessageSent>());
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void For_Event_IsTheExchangeBothFormatsPublishTo(Type contract, string exchange)
    {
        Assert.Equal(exchange, EventExchanges.For(contract));
        Assert.Contains(exchange, EventExchanges.All);
    }

    [Fact]
    public void All_TheFourEvents()
    {
        Assert.Equal(
            ["Gateway.Core.Contracts:MessageSent", "Gateway.Core.Contracts:MessageSendFailed", "Gateway.Core.Contracts:MessageRevoked", "Gateway.Core.Contracts:MessageRevokeFailed"],
            EventExchanges.All);
    }

    [Fact]
    public async Task WorkerBus_RabbitMq_PublishesEachEventToItsPinnedExchange()
    {
        // The worker's own bus, configured but never started: its topology is what MassTransit publishes to.
        var builder = GatewayHost.CreateBuilder(new GatewayHostSettings
        {
            IncludeAppSettings = false,
            Overrides = new Dictionary<string, string?> { [$"Gateway:Providers:{ScriptedProviders.Name}:Type"] = ScriptedProviders.Type, ["Messaging:Transport"] = "RabbitMq" },
        });
        builder.Services.AddMessagingGateway().AddScriptedProviderType(new ScriptedProviders());
        builder.Services.AddGatewayBus(builder.Configuration, consumeCommands: true);
        await using var services = builder.Services.BuildServiceProvider();
        var topology = services.GetRequiredService<IBus>().Topology;

        Assert.Equal("Gateway.Core.Contracts:MessageSent", Exchange<MessageSent>(topology));
        Assert.Equal("Gateway.Core.Contracts:MessageSendFailed", Exchange<MessageSendFailed>(topology));
        Assert.Equal("Gateway.Core.Contracts:MessageRevoked", Exchange<MessageRevoked>(topology));
        Assert.Equal("Gateway.Core.Contracts:MessageRevokeFailed", Exchange<MessageRevokeFailed>(topology));
        Assert.Equal("Gateway.Core.Contracts:MessageSent", topology.Message<MessageSent>().EntityName);
    }

    private static string Exchange<T>(IBusTopology topology)
        where T : class =>
        Assert.IsAssignableFrom<IRabbitMqMessagePublishTopology<T>>(topology.Publish<T>()).Exchange.ExchangeName;
}
