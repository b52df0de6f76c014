using System.ComponentModel.DataAnnotations;

namespace Gateway.TencentIm;

/// <summary>Timeouts and circuit breaker of the HTTP pipeline (Polly), one per provider instance.</summary>
public sealed class TencentImResilienceOptions
{
    /// <summary>Gets or sets the timeout of one HTTP attempt.</summary>
    /// <value>The default is 10 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets the timeout of a call with all its retries, counted from the first attempt. At most 110 seconds, so
    /// every retry of a one-to-one send reaches Tencent within its 120-second dedup window.
    /// </summary>
    /// <value>The default is 60 seconds.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the failure ratio (of outages: transport errors, timeouts, 5xx, internal error codes) that opens the circuit.</summary>
    /// <value>The default is 0.5.</value>
    [Range(0.01, 1.0, ErrorMessage = "must be between 0.01 and 1")]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Gets or sets the calls needed in the sampling window before the circuit can open.</summary>
    /// <value>The default is 20.</value>
    [Range(2, 100_000, ErrorMessage = "must be between 2 and 100000")]
    public int MinimumThroughput { get; set; } = 20;

    /// <summary>Gets or sets the window over which the failure ratio is measured; at least twice <see cref="AttemptTimeout"/>.</summary>
    /// <value>The default is 30 seconds.</value>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the circuit stays open before a trial call.</summary>
    /// <value>The default is 15 seconds.</value>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
