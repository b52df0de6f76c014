using MassTransit;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Messaging;

/// <summary>The <c>send-message</c> endpoint: prefetch, concurrency, plain JSON, transient-only retry.</summary>
internal sealed class SendMessageConsumerDefinition : ConsumerDefinition<SendMessageConsumer>
{
    public const string QueueName = "send-message";

    private readonly MessagingOptions _messaging;
    private readonly RabbitMqOptions _rabbit;

    public SendMessageConsumerDefinition(IOptions<MessagingOptions> messaging, IOptions<RabbitMqOptions> rabbit)
    {
        _messaging = messaging.Value;
        _rabbit = rabbit.Value;
        EndpointName = QueueName;
        ConcurrentMessageLimit = _messaging.SendMessage.ConcurrentMessageLimit;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SendMessageConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        GatewayEndpointConfiguration.Apply(endpointConfigurator, _messaging.SendMessage, _messaging.Retry, _rabbit.QuorumQueues);
}
