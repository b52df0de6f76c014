using Gateway.Core;
using Gateway.Core.Contracts;
using Gateway.Core.Diagnostics;
using Gateway.Host.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Messaging;

/// <summary>Recalls a message through the gateway and publishes <see cref="MessageRevoked"/> or <see cref="MessageRevokeFailed"/>.</summary>
internal sealed class RevokeMessageConsumer(
    IMessageGateway gateway,
    IOptions<MessagingOptions> options,
    ProviderHealthTracker health,
    GatewayMetrics metrics,
    ILogger<RevokeMessageConsumer> logger) : IConsumer<RevokeMessage>
{
    public async Task Consume(ConsumeContext<RevokeMessage> context)
    {
        var outcome = await gateway.RevokeAsync(context.Message, context.CancellationToken);
        if (outcome.IsSuccess)
        {
            health.Succeeded(outcome.Revoked.Provider);
            await context.Publish(outcome.Revoked, context.CancellationToken);
            return;
        }

        var attempt = context.GetRetryAttempt() + 1;
        var failed = outcome.Failed.Attempts == 0 ? outcome.Failed : outcome.Failed with { Attempts = attempt };
        health.Failed(failed.Provider, failed.Error);
        await FailedDelivery.HandleAsync(context, failed.MessageId, failed.Provider, failed.Error, attempt, options.Value.Retry, metrics, logger, () => context.Publish(failed, context.CancellationToken));
    }
}
