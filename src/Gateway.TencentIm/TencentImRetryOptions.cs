using System.ComponentModel.DataAnnotations;

namespace Gateway.TencentIm;

/// <summary>
/// Retries of one call with a byte-identical body: transport failures, HTTP 408/429/5xx, Tencent's transient codes
/// (exponential backoff with jitter) and its rate-limit codes (at least <see cref="RateLimitDelay"/>). Every retry
/// happens within <see cref="TencentImResilienceOptions.TotalTimeout"/> of the first attempt.
/// </summary>
public sealed class TencentImRetryOptions
{
    /// <summary>Gets or sets how many times a call is repeated after its first attempt.</summary>
    /// <value>The default is 4 (5 attempts).</value>
    [Range(0, 10, ErrorMessage = "must be between 0 and 10")]
    public int MaxRetries { get; set; } = 4;

    /// <summary>Gets or sets the first backoff delay; it doubles per retry, with jitter.</summary>
    /// <value>The default is 500 milliseconds.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the longest backoff delay.</summary>
    /// <value>The default is 8 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Gets or sets the least wait after a rate-limit answer (60007, 60011, 60018, 60019, 10006, 10023, HTTP 429); at least 1 second.</summary>
    /// <value>The default is 1 second.</value>
    public TimeSpan RateLimitDelay { get; set; } = TimeSpan.FromSeconds(1);
}
