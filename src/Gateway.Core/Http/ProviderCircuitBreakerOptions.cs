using System.ComponentModel.DataAnnotations;

namespace Gateway.Core.Http;

/// <summary>The circuit breaker of one provider instance: it opens when too many attempts fail, and then refuses calls locally.</summary>
public sealed class ProviderCircuitBreakerOptions
{
    /// <summary>Gets or sets the share of failed attempts, within <see cref="SamplingDuration"/>, that opens the circuit.</summary>
    /// <value>The default is 0.1 (10 %).</value>
    [Range(0.01, 1.0, ErrorMessage = "{0} must be between {1} and {2}")]
    public double FailureRatio { get; set; } = 0.1;

    /// <summary>Gets or sets how many attempts must be seen within <see cref="SamplingDuration"/> before the circuit can open.</summary>
    /// <value>The default is 100.</value>
    [Range(2, 1_000_000, ErrorMessage = "{0} must be between {1} and {2}")]
    public int MinimumThroughput { get; set; } = 100;

    /// <summary>Gets or sets the window over which failures are counted; at least twice the attempt timeout.</summary>
    /// <value>The default is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00", ErrorMessage = "{0} must be between {1} and {2}")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the circuit stays open before a trial call.</summary>
    /// <value>The default is 5 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00", ErrorMessage = "{0} must be between {1} and {2}")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
