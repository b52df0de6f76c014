using Microsoft.Extensions.Options;

namespace Gateway.Host.Messaging;

/// <summary>The <c>send-message</c> endpoint.</summary>
internal sealed class SendMessageConsumerDefinition(IOptions<MessagingOptions> messaging, IOptions<RabbitMqOptions> rabbit)
    : GatewayConsumerDefinition<SendMessageConsumer>(QueueName, messaging.Value.SendMessage, messaging.Value.Retry, rabbit.Value)
{
    public const string QueueName = "send-message";
}
