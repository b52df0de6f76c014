using MassTransit;

namespace Gateway.Host.Messaging;

/// <summary>Puts a command aside for a while and delivers it again to its queue, without holding a consumer slot.</summary>
internal interface IRedeliveryQueue
{
    /// <summary>Redelivers the command after <paramref name="delay"/>; returns once the copy is safely stored, so the original can be acknowledged.</summary>
    /// <param name="context">The command's consume context.</param>
    /// <param name="queue">The command's queue.</param>
    /// <param name="delay">The wait (one of the schedule's delays).</param>
    /// <param name="attempts">The attempts so far.</param>
    /// <param name="firstFailure">When the command first failed.</param>
    /// <returns>A task that completes when the copy is stored.</returns>
    Task RedeliverAsync<TCommand>(ConsumeContext<TCommand> context, string queue, TimeSpan delay, int attempts, DateTimeOffset firstFailure)
        where TCommand : class;
}
