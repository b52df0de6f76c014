using System.Globalization;
using Gateway.Core.Http;
using Gateway.Core.RateLimiting;
using Gateway.TencentIm.Http;

namespace Gateway.TencentIm.Internal;

/// <summary>
/// What one attempt costs against Tencent's quotas (reference §3, §4), read from what the client put in the request's
/// options: the batch recipients of a batchsendmsg call per minute (permits = recipients of the chunk), a permit of the
/// group for send_group_msg, and a permit of the API itself, taken last, just before sending. Keys name the SDKAppID,
/// so instances of one app share the quota (and processes do too once the rate-limit store is shared).
/// </summary>
internal static class TencentImQuotas
{
    public static IReadOnlyList<QuotaDemand> Demands(HttpRequestMessage? request, TencentImOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (request is null || TencentImRequest.ApiOf(request) is not { } api)
        {
            return [];
        }

        var quotas = options.RateLimit;
        var app = options.SdkAppId.ToString(CultureInfo.InvariantCulture);
        var second = TimeSpan.FromSeconds(1);
        var demands = new List<QuotaDemand>(3);
        if (TencentImRequest.RecipientsOf(request) is > 0 and var recipients)
        {
            demands.Add(new QuotaDemand(new RateLimitWindow($"tencent:{app}:batch_recipients", quotas.BatchRecipientsPerMinute, TimeSpan.FromMinutes(1), quotas.WindowGuard), recipients, "batch_recipients"));
        }

        if (TencentImRequest.GroupOf(request) is { } groupId)
        {
            demands.Add(new QuotaDemand(new RateLimitWindow($"tencent:{app}:group:{groupId}", quotas.GroupMessagesPerSecond, second, quotas.WindowGuard), 1, "group"));
        }

        demands.Add(new QuotaDemand(new RateLimitWindow($"tencent:{app}:{api.Name}", quotas.RequestsPerSecond, second, quotas.WindowGuard), 1, api.Name));
        return demands;
    }
}
