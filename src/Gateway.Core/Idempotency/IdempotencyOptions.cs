namespace Gateway.Core.Idempotency;

/// <summary>Settings of the idempotency record (<c>Gateway:Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    /// <summary>Gets or sets where the record is kept.</summary>
    /// <value>The default is <see cref="StoreKind.InMemory"/> (one process); use <see cref="StoreKind.Redis"/> when several workers consume one queue.</value>
    public StoreKind Store { get; set; } = StoreKind.InMemory;

    /// <summary>Gets or sets how long a completed outcome is remembered.</summary>
    /// <value>The default is 24 hours.</value>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gets or sets how long a shared store's claim outlives its worker: the worker renews the claims it holds every
    /// third of the lease while it sends, so a send may take longer; a worker that died while sending stops renewing,
    /// and another worker takes the command over once the lease ran out. Keep it well under Tencent's 120-second dedup
    /// window, so that a takeover's resend of a message the dead worker had sent is still recognised as a repeat.
    /// </summary>
    /// <value>The default is 30 seconds; at least 5.</value>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many completed outcomes the in-memory store remembers; the oldest are forgotten first.</summary>
    /// <value>The default is 100 000.</value>
    public int MaxEntries { get; set; } = 100_000;
}
