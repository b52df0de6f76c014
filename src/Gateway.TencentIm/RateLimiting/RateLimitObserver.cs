using Gateway.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Gateway.TencentIm.RateLimiting;

/// <summary>Reports the time a provider instance spent waiting for permits (metric and debug log).</summary>
internal sealed class RateLimitObserver(string provider, GatewayMetrics metrics, ILogger logger, TimeProvider timeProvider)
{
    public TimeProvider TimeProvider => timeProvider;

    public void Waited(string limiter, string api, TimeSpan wait)
    {
        metrics.RateLimitWaited(provider, limiter, wait);
        logger.RateLimitWaited(provider, limiter, api, wait.TotalMilliseconds);
    }
}
