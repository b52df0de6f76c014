namespace Gateway.Core.Idempotency;

/// <summary>Settings of the idempotency record (<c>Gateway:Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    /// <summary>Gets or sets how long a completed outcome is remembered.</summary>
    /// <value>The default is 24 hours.</value>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets how many completed outcomes the in-memory store remembers; the oldest are forgotten first.</summary>
    /// <value>The default is 100 000.</value>
    public int MaxEntries { get; set; } = 100_000;
}
