using System.ComponentModel.DataAnnotations;

namespace Gateway.TencentIm;

/// <summary>
/// Tencent's quotas, which the gateway's token buckets stay under in every window (by <see cref="SafetyMargin"/>): it
/// waits for a permit instead of collecting rate-limit errors. Instances with the same SDKAppID share one set of buckets;
/// several gateway processes do not, so divide the quotas among them.
/// </summary>
public sealed class TencentImQuotaOptions
{
    /// <summary>Gets or sets the calls per second allowed for each API (sendmsg, batchsendmsg, send_group_msg, each recall API).</summary>
    /// <value>The default is 200, Tencent's default.</value>
    [Range(5, 100_000, ErrorMessage = "must be between 5 and 100000")]
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>Gets or sets the batchsendmsg recipients allowed per minute (one call to 500 users counts 500).</summary>
    /// <value>The default is 12 000, Tencent's default.</value>
    [Range(100, 10_000_000, ErrorMessage = "must be between 100 and 10000000")]
    public int BatchRecipientsPerMinute { get; set; } = 12_000;

    /// <summary>Gets or sets the messages per second allowed in one group.</summary>
    /// <value>The default is 40, Tencent's limit.</value>
    [Range(5, 10_000, ErrorMessage = "must be between 5 and 10000")]
    public int GroupMessagesPerSecond { get; set; } = 40;

    /// <summary>
    /// Gets or sets the share of each quota left unused, so that requests reaching Tencent later than their permit was
    /// granted (network and scheduling jitter) still fit in Tencent's window. The buckets grant at most
    /// <c>quota × (1 − SafetyMargin)</c> in any window.
    /// </summary>
    /// <value>The default is 0.2 (at most 160 of 200 calls in any second).</value>
    [Range(0.0, 0.9, ErrorMessage = "must be between 0 and 0.9")]
    public double SafetyMargin { get; set; } = 0.2;
}
