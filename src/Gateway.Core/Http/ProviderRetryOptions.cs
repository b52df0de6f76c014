using System.ComponentModel.DataAnnotations;

namespace Gateway.Core.Http;

/// <summary>In-process retries of one provider call (exponential backoff with jitter).</summary>
public sealed class ProviderRetryOptions
{
    /// <summary>Gets or sets how many times a call is repeated after its first attempt (0 turns retries off).</summary>
    /// <value>The default is 3.</value>
    [Range(0, 10, ErrorMessage = "{0} must be between {1} and {2}")]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Gets or sets the first retry delay; later ones grow exponentially, with jitter.</summary>
    /// <value>The default is 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "{0} must be between {1} and {2}")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the longest retry delay. A rate-limit answer whose <c>Retry-After</c> asks for longer is not retried
    /// in-process: it is handed to the bus, which redelivers the command after the wait without holding a consumer slot.
    /// </summary>
    /// <value>The default is 10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "{0} must be between {1} and {2}")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets or sets the least wait after a rate-limit answer that names no wait of its own.</summary>
    /// <value>The default is 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "{0} must be between {1} and {2}")]
    public TimeSpan RateLimitedDelay { get; set; } = TimeSpan.FromSeconds(1);
}
