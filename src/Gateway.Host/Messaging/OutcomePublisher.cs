using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Messaging;

/// <summary>
/// Publishes a command's outcome event to its exchange (<c>Gateway.Core.Contracts:MessageSent</c>, ...): in MassTransit's
/// envelope (the default), or as plain JSON for consumers in any language (<c>Messaging:Events:Format = Json</c>, on
/// RabbitMQ). Either way the publish completes only when the broker has the event, before the command is acknowledged.
/// </summary>
internal sealed class OutcomePublisher(IOptions<MessagingOptions> options, IServiceProvider services)
{
    private readonly bool _json = options.Value.Events.Format == EventFormat.Json && options.Value.Transport == TransportKind.RabbitMq;

    public Task PublishAsync(ConsumeContext context, object outcome, string messageId) =>
        _json
            ? services.GetRequiredService<JsonEventPublisher>().PublishAsync(outcome, messageId, RedeliveryHeaders.ReplyTo(context), context.CancellationToken)
            : context.Publish(outcome, outcome.GetType(), context.CancellationToken);
}
