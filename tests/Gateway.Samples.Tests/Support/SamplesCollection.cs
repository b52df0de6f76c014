using Gateway.Testing;

namespace Gateway.Samples.Tests.Support;

/// <summary>
/// Every test of this project: one RabbitMQ node (each test in its own virtual host), run one test at a time, since
/// they start processes and builds that would compete for the two cores and for the same build outputs.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SamplesCollection : ICollectionFixture<RabbitMqBroker>, ICollectionFixture<ReleaseWorkspace>
{
    public const string Name = "samples";
}
