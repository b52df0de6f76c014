using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Context;

namespace Gateway.Host.Messaging;

/// <summary>
/// The command's consume context as the in-process retries see it, holding back the fault notifications (the
/// <c>Fault&lt;T&gt;</c> events MassTransit publishes when a consumer fails) until <see cref="RedeliveryFilter{TCommand}"/>
/// knows whether the command failed for good. A command that is redelivered has not failed, so its faults are dropped.
/// </summary>
/// <typeparam name="TMessage">The command.</typeparam>
internal sealed class HeldFaultsConsumeContext<TMessage> : ConsumeContextProxy<TMessage>
    where TMessage : class
{
    private readonly ConsumeContext<TMessage> _original;
    private readonly ConcurrentQueue<Func<Task>> _held = new();

    public HeldFaultsConsumeContext(ConsumeContext<TMessage> original)
        : base(original)
    {
        _original = original;
    }

    public override Task NotifyFaulted<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
    {
        _held.Enqueue(() => _original.NotifyFaulted(context, duration, consumerType, exception));
        return Task.CompletedTask;
    }

    /// <summary>Lets the held fault notifications go out: the command failed for good.</summary>
    public async Task ReleaseFaultsAsync()
    {
        while (_held.TryDequeue(out var notify))
        {
            await notify();
        }
    }
}
