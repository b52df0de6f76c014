using System.ComponentModel.DataAnnotations;

namespace Gateway.OpenIm;

/// <summary>
/// An optional token bucket in front of the send calls of one OpenIM instance (OpenIM itself has no rate limit by
/// default). Off unless <see cref="PermitsPerSecond"/> is set.
/// </summary>
public sealed class OpenImRateLimitOptions
{
    /// <summary>Gets or sets how many send calls (<c>send_msg</c> or <c>batch_send_msg</c>) may start per second; 0 turns the limiter off.</summary>
    /// <value>The default is 0 (no limit).</value>
    [Range(0, 1_000_000, ErrorMessage = "must be between {1} and {2}")]
    public int PermitsPerSecond { get; set; }

    /// <summary>Gets or sets how many calls may start at once after a quiet period; 0 means <see cref="PermitsPerSecond"/>.</summary>
    /// <value>The default is 0.</value>
    [Range(0, 1_000_000, ErrorMessage = "must be between {1} and {2}")]
    public int Burst { get; set; }

    /// <summary>Gets or sets how many calls may wait for a permit; beyond that a send fails as <c>RateLimited</c> (transient).</summary>
    /// <value>The default is 1000.</value>
    [Range(0, 1_000_000, ErrorMessage = "must be between {1} and {2}")]
    public int QueueLimit { get; set; } = 1000;
}
