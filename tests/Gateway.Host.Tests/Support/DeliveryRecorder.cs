using System.Collections.Concurrent;
using Gateway.Host.Messaging;
using MassTransit;

namespace Gateway.Host.Tests.Support;

/// <summary>
/// Records the redelivery headers of every command the bus hands to a consumer (<c>MG-Attempts</c>,
/// <c>MG-First-Failure</c>), which the harness's own lists cannot show: they keep one entry per message id, and a
/// redelivered copy keeps the id.
/// </summary>
internal sealed class DeliveryRecorder : IConsumeObserver
{
    private readonly ConcurrentQueue<Delivery> _deliveries = new();

    public IReadOnlyList<Delivery> Deliveries => [.. _deliveries];

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        _deliveries.Enqueue(new Delivery(
            typeof(T),
            context.Headers.Get<int>(DeliveryAttempts.AttemptsHeader),
            context.Headers.Get<string>(DeliveryAttempts.FirstFailureHeader)));
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    /// <summary>One delivery: the command type and the headers a redelivered copy carries (null on the first delivery).</summary>
    internal sealed record Delivery(Type Command, int? Attempts, string? FirstFailure);
}
