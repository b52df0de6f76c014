using MassTransit;

namespace Gateway.Host.Messaging;

/// <summary>
/// Redelivery on RabbitMQ without the delayed-message plugin (Debian's broker does not ship it): the copy is sent to a
/// delay queue of the command (<c>send-message_delay_5s</c>, one per schedule step, declared by
/// <see cref="RedeliveryTopology"/>) whose messages expire after the step's delay and are dead-lettered back to the
/// command queue. Every message of a delay queue has the same TTL, so they expire in order. The send waits for the
/// broker's confirm before the original is acknowledged: nothing is lost, at worst a crash in between delivers twice,
/// which the idempotency record answers.
/// </summary>
internal sealed class RabbitMqRedeliveryQueue : IRedeliveryQueue
{
    public async Task RedeliverAsync<TCommand>(ConsumeContext<TCommand> context, string queue, TimeSpan delay, int attempts, DateTimeOffset firstFailure)
        where TCommand : class
    {
        var endpoint = await context.GetSendEndpoint(new Uri($"exchange:{RedeliveryTopology.DelayQueue(queue, delay)}?type=fanout&durable=true"));
        await endpoint.Send(context.Message, (Action<SendContext<TCommand>>)RedeliveryHeaders.For(context, attempts, firstFailure), context.CancellationToken);
    }
}
