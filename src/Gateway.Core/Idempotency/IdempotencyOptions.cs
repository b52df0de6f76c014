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
    /// Gets or sets how long a shared store's claim lasts before another worker may take it over (a worker that died
    /// while sending). Keep it longer than the longest provider call with its retries (the providers' total timeouts).
    /// </summary>
    /// <value>The default is 2 minutes.</value>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how many completed outcomes the in-memory store remembers; the oldest are forgotten first.</summary>
    /// <value>The default is 100 000.</value>
    public int MaxEntries { get; set; } = 100_000;
}
