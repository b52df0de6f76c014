using Gateway.Testing;

namespace Gateway.Host.Tests.Support;

/// <summary>The tests that share one real RabbitMQ node; each isolates itself in its own virtual host.</summary>
[CollectionDefinition(Name)]
public sealed class BrokerCollection : ICollectionFixture<RabbitMqBroker>
{
    public const string Name = "broker";
}
