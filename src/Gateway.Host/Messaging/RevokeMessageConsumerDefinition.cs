using Microsoft.Extensions.Options;

namespace Gateway.Host.Messaging;

/// <summary>The <c>revoke-message</c> endpoint.</summary>
internal sealed class RevokeMessageConsumerDefinition(IOptions<MessagingOptions> messaging, IOptions<RabbitMqOptions> rabbit)
    : GatewayConsumerDefinition<RevokeMessageConsumer>(QueueName, messaging.Value.RevokeMessage, messaging.Value.Retry, rabbit.Value)
{
    public const string QueueName = "revoke-message";
}
