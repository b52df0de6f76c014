using System.ComponentModel.DataAnnotations;

namespace Gateway.TencentIm;

/// <summary>
/// Tencent's quotas, which the gateway's token buckets stay under in every window (with a 5% margin): it waits for
/// a permit instead of collecting rate-limit errors. Instances with the same SDKAppID share one set of buckets;
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
}
