using Gateway.Core;
using Gateway.Core.Contracts;
using Gateway.Core.Diagnostics;
using Gateway.Host.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Messaging;

/// <summary>
/// Sends a <see cref="SendMessage"/> through the gateway and publishes the outcome. Invalid commands and permanent
/// provider errors are answered with <see cref="MessageSendFailed"/> and acknowledged; transient errors are retried by
/// the bus, and after the last retry the failure is published and the command moved to the error queue.
/// </summary>
internal sealed class SendMessageConsumer(
    IMessageGateway gateway,
    IOptions<MessagingOptions> options,
    ProviderHealthTracker health,
    GatewayMetrics metrics,
    ILogger<SendMessageConsumer> logger) : IConsumer<SendMessage>
{
    public async Task Consume(ConsumeContext<SendMessage> context)
    {
        var outcome = await gateway.SendAsync(context.Message, context.CancellationToken);
        if (outcome.IsSuccess)
        {
            health.Succeeded(outcome.Sent.Provider);
            await context.Publish(outcome.Sent, context.CancellationToken);
            return;
        }

        var attempt = context.GetRetryAttempt() + 1;
        var failed = outcome.Failed.Attempts == 0 ? outcome.Failed : outcome.Failed with { Attempts = attempt };
        health.Failed(failed.Provider, failed.Error);
        await FailedDelivery.HandleAsync(context, failed.MessageId, failed.Provider, failed.Error, attempt, options.Value.Retry, metrics, logger, () => context.Publish(failed, context.CancellationToken));
    }
}
