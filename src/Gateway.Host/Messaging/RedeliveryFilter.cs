using Gateway.Core.Diagnostics;
using Gateway.Core.Providers;
using Gateway.Host.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Gateway.Host.Messaging;

/// <summary>
/// The outermost filter of a command endpoint, outside the in-process retry: a transient failure that is left after the
/// retries is redelivered later (<see cref="IRedeliveryQueue"/>, the slot is freed), until the redelivery budget is
/// spent; then the failure event is published, once, and the command goes to the error queue. Anything that is not a
/// transient failure passes through (malformed commands go to the error queue with the reason).
/// </summary>
/// <typeparam name="TCommand">The command.</typeparam>
internal sealed class RedeliveryFilter<TCommand>(
    IGatewayCommandHandler<TCommand> handler,
    IRedeliveryQueue queue,
    RedeliveryOptions options,
    OutcomePublisher publisher,
    TimeProvider timeProvider,
    GatewayMetrics metrics,
    ILogger logger) : IFilter<ConsumeContext<TCommand>>
    where TCommand : class
{
    public async Task Send(ConsumeContext<TCommand> context, IPipe<ConsumeContext<TCommand>> next)
    {
        // The in-process retries report a fault when they are spent; that is not the end of a command redelivered later.
        var attempt = new HeldFaultsConsumeContext<TCommand>(context);
        try
        {
            await next.Send(attempt);
        }
        catch (Exception exception) when (TransientFailures.IsTransient(exception))
        {
            var attempts = DeliveryAttempts.Of(context);
            var now = timeProvider.GetUtcNow();
            var firstFailure = attempts.FirstFailure ?? now;
            var messageId = handler.MessageIdOf(context.Message);
            var provider = (exception as ProviderException)?.Provider ?? "none";
            if (options.NextDelay(now - firstFailure, TransientFailures.RetryAfter(exception)) is { } delay)
            {
                await queue.RedeliverAsync(context, handler.QueueName, delay, attempts.Total, firstFailure);
                metrics.Retried(provider, "bus_redelivery");
                logger.Redelivering(messageId, provider, attempts.Total, delay, exception.Message);
                return;
            }

            var outcome = handler.GaveUp(context.Message, exception, attempts.Total);
            logger.RedeliveryBudgetSpent(messageId, provider, attempts.Total, now - firstFailure);
            await publisher.PublishAsync(context, outcome.Event, messageId);
            await attempt.ReleaseFaultsAsync();
            throw;
        }
        catch
        {
            await attempt.ReleaseFaultsAsync();
            throw;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("gateway-redelivery");
}
