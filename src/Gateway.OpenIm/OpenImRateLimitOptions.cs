using System.ComponentModel.DataAnnotations;

namespace Gateway.OpenIm;

/// <summary>
/// An optional limit on the send calls of one OpenIM instance (OpenIM itself has no rate limit by default): at most
/// <see cref="RequestsPerSecond"/> calls in any aligned second; callers wait for the next second. Off unless set.
/// </summary>
public sealed class OpenImRateLimitOptions
{
    /// <summary>Gets or sets how many send calls (<c>send_msg</c> or <c>batch_send_msg</c>) may start per second; 0 turns the limit off.</summary>
    /// <value>The default is 0 (no limit).</value>
    [Range(0, 1_000_000, ErrorMessage = "{0} must be between {1} and {2}")]
    public int RequestsPerSecond { get; set; }
}
