using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Host.Messaging;

/// <summary>
/// Redelivery on the in-memory bus (demos and tests): the copy waits in this process and is sent back to the command
/// queue after the delay. Nothing survives the process on this transport anyway.
/// </summary>
internal sealed class InMemoryRedeliveryQueue(IServiceProvider services, TimeProvider timeProvider) : IRedeliveryQueue
{
    public Task RedeliverAsync<TCommand>(ConsumeContext<TCommand> context, string queue, TimeSpan delay, int attempts, DateTimeOffset firstFailure)
        where TCommand : class
    {
        var message = context.Message;
        var headers = RedeliveryHeaders.For(context, attempts, firstFailure);
        _ = Task.Run(async () =>
        {
            await Task.Delay(delay, timeProvider);
            // The bus is resolved when it is needed: this queue is built while the bus itself is being configured.
            var endpoint = await services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{queue}"));
            await endpoint.Send(message, (Action<SendContext<TCommand>>)headers);
        });
        return Task.CompletedTask;
    }
}
