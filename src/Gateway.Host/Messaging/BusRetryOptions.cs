namespace Gateway.Host.Messaging;

/// <summary>
/// Quick in-process retries of a transient failure (<c>Messaging:Retry</c>), holding the consumer slot briefly. When
/// they are spent, or the provider asked for a longer wait than <see cref="MaxInterval"/>, the command is redelivered
/// later instead (<see cref="RedeliveryOptions"/>), which frees the slot.
/// </summary>
internal sealed class BusRetryOptions
{
    /// <summary>Gets or sets how many times a transient failure is retried in-process (0 = go straight to redelivery).</summary>
    public int Limit { get; set; } = 2;

    /// <summary>Gets or sets the first retry interval.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets the longest in-process retry interval; a longer <c>Retry-After</c> goes to redelivery.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the exponential step between intervals.</summary>
    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromMilliseconds(400);
}
