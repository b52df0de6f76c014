using MassTransit;

namespace Gateway.Host.Messaging;

/// <summary>
/// The definition both command endpoints share: queue name, concurrency and prefetch from <c>Messaging</c>, plain JSON
/// accepted, transient-only retry (<see cref="GatewayEndpointConfiguration"/>).
/// </summary>
/// <typeparam name="TConsumer">The consumer.</typeparam>
internal abstract class GatewayConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly EndpointOptions _endpoint;
    private readonly RetryOptions _retry;
    private readonly bool _quorumQueues;

    protected GatewayConsumerDefinition(string queueName, EndpointOptions endpoint, RetryOptions retry, RabbitMqOptions rabbit)
    {
        _endpoint = endpoint;
        _retry = retry;
        _quorumQueues = rabbit.QuorumQueues;
        EndpointName = queueName;
        ConcurrentMessageLimit = endpoint.ConcurrentMessageLimit;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        GatewayEndpointConfiguration.Apply(endpointConfigurator, _endpoint, _retry, _quorumQueues);
}
