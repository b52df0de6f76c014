using MassTransit;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Messaging;

/// <summary>The <c>revoke-message</c> endpoint: prefetch, concurrency, plain JSON, transient-only retry.</summary>
internal sealed class RevokeMessageConsumerDefinition : ConsumerDefinition<RevokeMessageConsumer>
{
    public const string QueueName = "revoke-message";

    private readonly MessagingOptions _messaging;
    private readonly RabbitMqOptions _rabbit;

    public RevokeMessageConsumerDefinition(IOptions<MessagingOptions> messaging, IOptions<RabbitMqOptions> rabbit)
    {
        _messaging = messaging.Value;
        _rabbit = rabbit.Value;
        EndpointName = QueueName;
        ConcurrentMessageLimit = _messaging.RevokeMessage.ConcurrentMessageLimit;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RevokeMessageConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        GatewayEndpointConfiguration.Apply(endpointConfigurator, _messaging.RevokeMessage, _messaging.Retry, _rabbit.QuorumQueues);
}
