namespace Gateway.Host.Messaging;

/// <summary>
/// Bounded exponential retry of transient provider failures. After <see cref="Limit"/> retries the command goes to the
/// endpoint's <c>_error</c> queue and a failure event with <c>transient: true</c> is published.
/// </summary>
internal sealed class RetryOptions
{
    /// <summary>Gets or sets how many times a transient failure is retried (0 = never).</summary>
    public int Limit { get; set; } = 5;

    /// <summary>Gets or sets the first retry interval.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest retry interval.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the exponential step between intervals.</summary>
    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the longest wait honoured when a provider answers with a retry-after time.</summary>
    public TimeSpan MaxRetryAfterWait { get; set; } = TimeSpan.FromSeconds(60);
}
