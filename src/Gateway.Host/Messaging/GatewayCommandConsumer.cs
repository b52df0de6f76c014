using Gateway.Core.Providers;
using Gateway.Host.Diagnostics;
using MassTransit;

namespace Gateway.Host.Messaging;

/// <summary>
/// The one consumer shape for both commands: counts the attempt, runs the command through the gateway, records the
/// provider's health, and publishes the outcome. A transient failure is thrown, so the endpoint's retry and
/// redelivery (see <see cref="GatewayCommandDefinition{TCommand}"/>) decide what happens next.
/// </summary>
/// <typeparam name="TCommand">The command.</typeparam>
internal sealed class GatewayCommandConsumer<TCommand>(
    IGatewayCommandHandler<TCommand> handler,
    OutcomePublisher publisher,
    ProviderHealthTracker health) : IConsumer<TCommand>
    where TCommand : class
{
    public async Task Consume(ConsumeContext<TCommand> context)
    {
        var attempts = DeliveryAttempts.Of(context).Next();
        GatewayOutcome outcome;
        try
        {
            outcome = await handler.HandleAsync(context.Message, attempts, context.CancellationToken);
        }
        catch (ProviderException exception) when (exception.IsTransient)
        {
            health.Failed(exception.Provider, exception.ToGatewayError());
            throw;
        }

        health.Record(outcome);
        await publisher.PublishAsync(context, outcome.Event, handler.MessageIdOf(context.Message));
    }
}
