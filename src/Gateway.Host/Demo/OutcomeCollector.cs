using Gateway.Core.Contracts;
using MassTransit;

namespace Gateway.Host.Demo;

/// <summary>Collects outcome events into the <see cref="OutcomeInbox"/>.</summary>
internal sealed class OutcomeCollector(OutcomeInbox inbox) :
    IConsumer<MessageSent>,
    IConsumer<MessageSendFailed>,
    IConsumer<MessageRevoked>,
    IConsumer<MessageRevokeFailed>
{
    public Task Consume(ConsumeContext<MessageSent> context) => Collect(context.Message);

    public Task Consume(ConsumeContext<MessageSendFailed> context) => Collect(context.Message);

    public Task Consume(ConsumeContext<MessageRevoked> context) => Collect(context.Message);

    public Task Consume(ConsumeContext<MessageRevokeFailed> context) => Collect(context.Message);

    private Task Collect(object message)
    {
        inbox.Add(message);
        return Task.CompletedTask;
    }
}
