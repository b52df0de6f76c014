using Gateway.Core.Contracts;
using Gateway.Core.Diagnostics;
using Gateway.Host.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Gateway.Host.Messaging;

/// <summary>
/// The one place that decides what happens to a command that failed: retry it (transient, retries left), or publish
/// the failure event and either acknowledge it (permanent) or move it to the error queue (transient, no retries left).
/// </summary>
internal static class FailedDelivery
{
    public static async Task HandleAsync(
        ConsumeContext context,
        string messageId,
        string? provider,
        GatewayError error,
        int attempt,
        RetryOptions retry,
        GatewayMetrics metrics,
        ILogger logger,
        Func<Task> publishFailure)
    {
        if (!error.Transient)
        {
            await publishFailure();
            return;
        }

        if (context.GetRetryAttempt() < retry.Limit)
        {
            logger.TransientFailureRetry(messageId, error.Code, provider, attempt, retry.Limit);
            metrics.Retried(provider ?? "none", "bus_" + error.Code);
            if (error.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero)
            {
                // The provider named a wait (rate limits); the bus intervals may be shorter, so honour it here.
                var wait = retryAfter < retry.MaxRetryAfterWait ? retryAfter : retry.MaxRetryAfterWait;
                logger.WaitingForRetryAfter(messageId, provider, wait);
                await Task.Delay(wait, context.CancellationToken);
            }

            throw new TransientFailureException(error);
        }

        logger.RetriesExhausted(messageId, error.Code, provider, attempt);
        await publishFailure();
        throw new RetriesExhaustedException(error, attempt);
    }
}
