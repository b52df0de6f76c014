using System.Globalization;
using MassTransit;

namespace Gateway.Host.Messaging;

/// <summary>What a redelivered copy carries over from the command it replaces.</summary>
internal static class RedeliveryHeaders
{
    /// <summary>The header keeping the command's AMQP <c>reply_to</c>, when the original had one.</summary>
    public const string ReplyToHeader = "MG-Reply-To";

    /// <summary>Reads what the copy of <paramref name="original"/> must carry; call it while the original is being consumed.</summary>
    public static Action<SendContext> For(ConsumeContext original, int attempts, DateTimeOffset firstFailure)
    {
        ArgumentNullException.ThrowIfNull(original);
        var messageId = original.MessageId;
        var replyTo = ReplyTo(original);
        var first = firstFailure.ToString("O", CultureInfo.InvariantCulture);
        return copy =>
        {
            copy.Headers.Set(DeliveryAttempts.AttemptsHeader, attempts);
            copy.Headers.Set(DeliveryAttempts.FirstFailureHeader, first);
            copy.MessageId = messageId ?? copy.MessageId;
            if (replyTo is not null)
            {
                copy.Headers.Set(ReplyToHeader, replyTo);
            }
        };
    }

    /// <summary>Gets the reply queue a command names: its AMQP <c>reply_to</c>, or the header a redelivered copy keeps it in.</summary>
    public static string? ReplyTo(ConsumeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Headers.Get<string>(ReplyToHeader) is { Length: > 0 } kept)
        {
            return kept;
        }

        // MassTransit does not expose reply_to among the transport headers; it is on the delivery's basic properties.
        return context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var delivery)
            && delivery.Properties.ReplyTo is { Length: > 0 } replyTo
                ? replyTo
                : null;
    }
}
