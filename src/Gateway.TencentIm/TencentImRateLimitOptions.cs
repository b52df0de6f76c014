using System.ComponentModel.DataAnnotations;

namespace Gateway.TencentIm;

/// <summary>
/// Tencent's quotas, which the gateway stays under by waiting for a permit before every attempt (retries and the UserSig
/// replay included) instead of collecting rate-limit errors. Permits are counted in aligned windows keyed by SDKAppID
/// (<c>tencent:{SdkAppId}:...</c>), so every instance of one app shares them, and so does every process once the
/// rate-limit store is shared.
/// </summary>
public sealed class TencentImRateLimitOptions
{
    /// <summary>Gets or sets the calls per second allowed for each API (sendmsg, batchsendmsg, send_group_msg, each recall API).</summary>
    /// <value>The default is 200, Tencent's default.</value>
    [Range(5, 100_000, ErrorMessage = "{0} must be between {1} and {2}")]
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>Gets or sets the batchsendmsg recipients allowed per minute (one call to 500 users takes 500 permits).</summary>
    /// <value>The default is 12 000, Tencent's default; at least twice <see cref="TencentImOptions.BatchSize"/>.</value>
    [Range(100, 10_000_000, ErrorMessage = "{0} must be between {1} and {2}")]
    public int BatchRecipientsPerMinute { get; set; } = 12_000;

    /// <summary>Gets or sets the messages per second allowed in one group.</summary>
    /// <value>The default is 40, Tencent's limit.</value>
    [Range(5, 10_000, ErrorMessage = "{0} must be between {1} and {2}")]
    public int GroupMessagesPerSecond { get; set; } = 40;

    /// <summary>
    /// Gets or sets how close to either edge of a window no permit is granted, so that a request reaches Tencent inside
    /// the window it was counted in even when it is a little late or the clocks differ a little.
    /// </summary>
    /// <value>The default is 50 milliseconds; at most 250.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:00.250", ErrorMessage = "{0} must be between {1} and {2}")]
    public TimeSpan WindowGuard { get; set; } = TimeSpan.FromMilliseconds(50);
}
