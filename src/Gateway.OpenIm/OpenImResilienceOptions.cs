using System.ComponentModel.DataAnnotations;

namespace Gateway.OpenIm;

/// <summary>
/// Timeouts, retries and the circuit breaker of one OpenIM instance's HTTP pipeline (Polly). The pipeline retries
/// transport failures, HTTP 408, 429 and 5xx; business error codes in the JSON body are not retried here.
/// </summary>
public sealed class OpenImResilienceOptions
{
    /// <summary>Gets or sets the timeout of one HTTP attempt; must be less than <see cref="TotalTimeout"/>.</summary>
    /// <value>The default is 10 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the timeout of one call including its retries and their delays.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how many times a failed attempt is repeated (0 turns retries off).</summary>
    /// <value>The default is 3.</value>
    [Range(0, 10, ErrorMessage = "must be between {1} and {2}")]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Gets or sets the first retry delay; later ones grow exponentially, with jitter.</summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the longest retry delay. An HTTP 429 whose <c>Retry-After</c> asks for longer is not retried
    /// in-process: it is reported as <c>RateLimited</c> with that wait.
    /// </summary>
    /// <value>The default is 10 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the share of failed attempts, within <see cref="SamplingDuration"/>, that opens the circuit.</summary>
    /// <value>The default is 0.1 (10 %).</value>
    public double FailureRatio { get; set; } = 0.1;

    /// <summary>Gets or sets how many attempts must be seen within <see cref="SamplingDuration"/> before the circuit can open (at least 2).</summary>
    /// <value>The default is 100.</value>
    [Range(2, int.MaxValue, ErrorMessage = "must be at least {1}")]
    public int MinimumThroughput { get; set; } = 100;

    /// <summary>Gets or sets the window over which failures are counted; at least twice <see cref="AttemptTimeout"/>.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the circuit stays open before a trial call (at least 0.5 seconds).</summary>
    /// <value>The default is 5 seconds.</value>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
