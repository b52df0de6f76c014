using System.Collections.Concurrent;

namespace Gateway.TencentIm.RateLimiting;

/// <summary>
/// The rate limiters per SDKAppID, shared by every instance of the same app in this process (the quotas are the app's).
/// The first instance created for an app sizes its buckets; give instances of one app the same <c>Quotas</c>.
/// </summary>
internal sealed class TencentImRateLimiterRegistry : IDisposable
{
    private readonly ConcurrentDictionary<long, Lazy<TencentImRateLimiter>> _bySdkAppId = new();

    public TencentImRateLimiter For(long sdkAppId, TencentImQuotaOptions quotas) =>
        _bySdkAppId.GetOrAdd(sdkAppId, static (_, q) => new Lazy<TencentImRateLimiter>(() => new TencentImRateLimiter(q)), quotas).Value;

    public void Dispose()
    {
        foreach (var limiter in _bySdkAppId.Values)
        {
            if (limiter.IsValueCreated)
            {
                limiter.Value.Dispose();
            }
        }
    }
}
