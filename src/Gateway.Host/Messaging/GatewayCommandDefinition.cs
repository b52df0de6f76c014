using Gateway.Core.Diagnostics;
using Gateway.Core.Providers;
using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Messaging;

/// <summary>
/// The endpoint of a command, the same for both: queue name and concurrency, plain JSON accepted and every body read
/// through <see cref="CommandDeserializer{TCommand}"/> (<c>Messaging:MaxCommandBytes</c> checked before it is parsed, a
/// body that is not the command moved to the error queue with the reason), prefetch and queue type, then the failure
/// handling in this order — redelivery (outermost, frees the slot, publishes the final failure
/// once) around the in-process retry of transient failures (<see cref="TransientFailures.IsTransient"/>; a provider's
/// <c>Retry-After</c> longer than the retry's longest interval goes straight to redelivery). The retry limit is counted
/// by MassTransit's retry, the redelivery budget by the redelivery filter; nothing else counts.
/// </summary>
/// <typeparam name="TCommand">The command.</typeparam>
internal sealed class GatewayCommandDefinition<TCommand> : ConsumerDefinition<GatewayCommandConsumer<TCommand>>
    where TCommand : class
{
    private readonly IGatewayCommandHandler<TCommand> _handler;
    private readonly MessagingOptions _messaging;
    private readonly RabbitMqOptions _rabbit;

    public GatewayCommandDefinition(IGatewayCommandHandler<TCommand> handler, IOptions<MessagingOptions> messaging, IOptions<RabbitMqOptions> rabbit)
    {
        _handler = handler;
        _messaging = messaging.Value;
        _rabbit = rabbit.Value;
        EndpointName = handler.QueueName;
        ConcurrentMessageLimit = handler.Endpoint(_messaging).ConcurrentMessageLimit;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<GatewayCommandConsumer<TCommand>> consumerConfigurator,
        IRegistrationContext context)
    {
        PlainJsonCommands.Accept<TCommand>(endpointConfigurator, _messaging.MaxCommandBytes);
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = _handler.Endpoint(_messaging).PrefetchCount;
            if (_rabbit.QuorumQueues)
            {
                rabbit.SetQuorumQueue();
            }
        }

        // A filter of the command's own pipe, added before the retry: MassTransit puts the message retry of
        // UseMessageRetry in that pipe and every ConsumeContext filter (UseFilter) inside it, so only this way is the
        // redelivery around the in-process retries rather than inside each attempt.
        endpointConfigurator.AddPipeSpecification(new FilterPipeSpecification<ConsumeContext<TCommand>>(new RedeliveryFilter<TCommand>(
            _handler,
            context.GetRequiredService<IRedeliveryQueue>(),
            _messaging.Redelivery,
            context.GetRequiredService<OutcomePublisher>(),
            context.GetRequiredService<TimeProvider>(),
            context.GetRequiredService<GatewayMetrics>(),
            context.GetRequiredService<ILoggerFactory>().CreateLogger<RedeliveryFilter<TCommand>>())));

        var retry = _messaging.Retry;
        var retryMetrics = new InProcessRetryMetrics(context.GetRequiredService<GatewayMetrics>());
        endpointConfigurator.UseMessageRetry(policy =>
        {
            policy.Exponential(retry.Limit, retry.MinInterval, retry.MaxInterval, retry.IntervalDelta);
            policy.Handle<Exception>(exception => RetryInProcess(exception, retry.MaxInterval));
            policy.ConnectRetryObserver(retryMetrics);
        });
    }

    /// <summary>
    /// Transient failures retried in-process: not a claim held by another worker (it will be held for a while), and not
    /// a failure whose provider asked for a longer wait than the retry would make.
    /// </summary>
    internal static bool RetryInProcess(Exception exception, TimeSpan maxInterval) =>
        TransientFailures.IsTransient(exception)
        && exception is not Gateway.Core.Idempotency.MessageInProgressException
        && !(TransientFailures.RetryAfter(exception) > maxInterval);
}
