namespace Gateway.Host.Messaging;

/// <summary>One step of the redelivery schedule: wait <see cref="Delay"/> between attempts until <see cref="Until"/> has passed since the first failure.</summary>
internal sealed class RedeliveryStep
{
    /// <summary>Gets or sets the wait before the next attempt (also the delay queue's message TTL).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Gets or sets until when, counted from the first failure, this step applies; <see langword="null"/> for the last step (until the budget).</summary>
    public TimeSpan? Until { get; set; }
}
