using System.Threading.RateLimiting;
using Gateway.TencentIm.Http;

namespace Gateway.TencentIm.RateLimiting;

/// <summary>
/// The token buckets of one SDKAppID: one per API (requests per second), one for batchsendmsg recipients per minute,
/// and one per group (messages per second). Callers wait for their permits; nothing fails fast. The buckets refill in
/// proportion to elapsed time: a timer replenishes the API and recipient buckets every 20 ms, the partitioned group
/// limiter replenishes its own every 100 ms.
/// </summary>
internal sealed class TencentImRateLimiter : IDisposable
{
    /// <summary>Tencent's largest batch: the recipients bucket always holds one whole chunk.</summary>
    private const int MaxChunk = 500;

    private static readonly TimeSpan ReplenishEvery = TimeSpan.FromMilliseconds(20);

    private readonly Dictionary<string, TokenBucketRateLimiter> _perApi;
    private readonly TokenBucketRateLimiter _batchRecipients;
    private readonly PartitionedRateLimiter<string> _groups;
    private readonly int _maxRecipientsPerAcquire;
    private readonly Timer _replenisher;

    public TencentImRateLimiter(TencentImQuotaOptions quotas)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        var perSecond = QuotaBuckets.Create(quotas.RequestsPerSecond, TimeSpan.FromSeconds(1), quotas.SafetyMargin);
        _perApi = TencentImApi.All.ToDictionary(a => a.Name, _ => new TokenBucketRateLimiter(perSecond), StringComparer.Ordinal);
        var recipients = QuotaBuckets.Create(quotas.BatchRecipientsPerMinute, TimeSpan.FromMinutes(1), quotas.SafetyMargin, Math.Min(MaxChunk, quotas.BatchRecipientsPerMinute / 4));
        _maxRecipientsPerAcquire = recipients.TokenLimit;
        _batchRecipients = new TokenBucketRateLimiter(recipients);
        var perGroup = QuotaBuckets.Create(quotas.GroupMessagesPerSecond, TimeSpan.FromSeconds(1), quotas.SafetyMargin);
        _groups = PartitionedRateLimiter.Create<string, string>(group => RateLimitPartition.GetTokenBucketLimiter(group, _ => perGroup), StringComparer.Ordinal);
        Quotas = quotas;
        _replenisher = new Timer(static state => ((TencentImRateLimiter)state!).Replenish(), this, ReplenishEvery, ReplenishEvery);
    }

    /// <summary>Gets the quotas the buckets were sized for.</summary>
    public TencentImQuotaOptions Quotas { get; }

    /// <summary>Waits for every permit a call needs: recipients and group first, the API's own permit last (just before sending).</summary>
    public async ValueTask WaitAsync(TencentImCall call, RateLimitObserver observer, CancellationToken cancellationToken)
    {
        if (call.Recipients > 0)
        {
            var left = call.Recipients;
            while (left > 0)
            {
                // A chunk larger than the bucket (another instance of the app with a larger BatchSize) takes it in parts.
                var take = Math.Min(left, _maxRecipientsPerAcquire);
                await AcquireAsync(_batchRecipients, take, "batch_recipients", call, observer, cancellationToken).ConfigureAwait(false);
                left -= take;
            }
        }

        if (call.GroupId is not null)
        {
            using var lease = _groups.AttemptAcquire(call.GroupId);
            if (!lease.IsAcquired)
            {
                var started = observer.TimeProvider.GetTimestamp();
                using var waited = await _groups.AcquireAsync(call.GroupId, 1, cancellationToken).ConfigureAwait(false);
                EnsureAcquired(waited, "group");
                observer.Waited("group", call.Api.Name, observer.TimeProvider.GetElapsedTime(started));
            }
        }

        await AcquireAsync(_perApi[call.Api.Name], 1, call.Api.Name, call, observer, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _replenisher.Dispose();
        foreach (var limiter in _perApi.Values)
        {
            limiter.Dispose();
        }

        _batchRecipients.Dispose();
        _groups.Dispose();
    }

    private void Replenish()
    {
        foreach (var limiter in _perApi.Values)
        {
            limiter.TryReplenish();
        }

        _batchRecipients.TryReplenish();
    }

    private static async ValueTask AcquireAsync(RateLimiter limiter, int permits, string name, TencentImCall call, RateLimitObserver observer, CancellationToken cancellationToken)
    {
        using var lease = limiter.AttemptAcquire(permits);
        if (lease.IsAcquired)
        {
            return;
        }

        var started = observer.TimeProvider.GetTimestamp();
        using var waited = await limiter.AcquireAsync(permits, cancellationToken).ConfigureAwait(false);
        EnsureAcquired(waited, name);
        observer.Waited(name, call.Api.Name, observer.TimeProvider.GetElapsedTime(started));
    }

    private static void EnsureAcquired(RateLimitLease lease, string name)
    {
        if (!lease.IsAcquired)
        {
            // Only possible when more permits are asked than the bucket holds, which the sizing above rules out.
            throw new InvalidOperationException($"The {name} rate limiter refused a permit.");
        }
    }
}
