using MassTransit;

namespace Gateway.Host.Messaging;

/// <summary>Publishes outcome events to their exchanges (<c>Gateway.Core.Contracts:MessageSent</c>, ...), by their runtime type.</summary>
internal sealed class OutcomePublisher
{
    public Task PublishAsync(ConsumeContext context, object outcome) =>
        context.Publish(outcome, outcome.GetType(), context.CancellationToken);
}
