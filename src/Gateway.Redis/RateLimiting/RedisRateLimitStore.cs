using System.Collections.Concurrent;
using System.Globalization;
using Gateway.Core.Idempotency;
using Gateway.Core.RateLimiting;
using Gateway.Redis.Connection;
using StackExchange.Redis;

namespace Gateway.Redis.RateLimiting;

/// <summary>
/// Rate-limit windows in Redis, shared by every worker of one provider app, with the semantics of the in-memory store:
/// aligned windows, all-or-nothing takes, no permit within <see cref="RateLimitWindow.Guard"/> of either edge, and
/// <see cref="RateLimitGrant.RetryAfter"/> until the next window opens (after its guard; plus 1 ms, as timers may fire
/// that much early). Windows are aligned on the
/// Redis server's clock (<c>TIME</c> inside the script), so workers on different machines agree on them.
/// </summary>
/// <remarks>
/// <para>
/// One hash per quota, <c>{prefix}rate:&lt;quota key&gt;:&lt;window length in ms&gt;</c> (prefix <c>mg:</c> by default): field <c>w</c>
/// is the current window's index, <c>c</c> the permits granted in it; it expires one window after the current one ends.
/// One Lua script per Redis call reads the server's time, checks the guards, and grants all the requested permits or none.
/// </para>
/// <para>
/// To keep round trips low, a worker leases permits in blocks: a call that reaches Redis asks for up to
/// <c>min(Gateway:Redis:PermitBlockSize (default 10), 5 % of the window's limit)</c> permits (at least the ones it needs,
/// and never more than the window has left), and later takes in the same window are served from that block without a
/// Redis call while this worker's estimate of the server's clock (the server's time at the last call plus the time since
/// that call started, so it errs late) says the window is still open. A block is never carried into another window. A
/// worker that dies holding a block loses at most that block for the rest of that window: capacity, never a quota
/// overrun. Only one Redis call per quota is in flight per worker; concurrent takers wait for it and are then served
/// from its block. Once Redis reported what a window has left, a take that asks for more is refused locally until the
/// window ends.
/// </para>
/// <para>Every Redis failure surfaces as <see cref="StoreUnavailableException"/>.</para>
/// </remarks>
internal sealed class RedisRateLimitStore : IRateLimitStore
{
    /// <summary>A block is at most this share of a window's limit (1/20 = 5 %).</summary>
    internal const int BlockDivisor = 20;

    /// <summary>Added to every <see cref="RateLimitGrant.RetryAfter"/>: timers may fire up to a millisecond early, and a taker that wakes inside the guard costs another round trip.</summary>
    internal const long WakeMarginMilliseconds = 1;

    // KEYS[1] the quota's hash. ARGV: limit, length ms, guard ms, permits, the window index the caller holds a block of,
    // the permits left in that block (counted towards this take when it is still that window), the block size. Returns
    // {granted 0|1, granted count or retry-after ms, server ms, window index, permits left in the window (-1: refused in a guard)}.
    private const string TakeScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local limit = tonumber(ARGV[1])
        local length = tonumber(ARGV[2])
        local guard = tonumber(ARGV[3])
        local permits = tonumber(ARGV[4])
        local held = tonumber(ARGV[5])
        local have = tonumber(ARGV[6])
        local block = tonumber(ARGV[7])
        local index = math.floor(now / length)
        local into = now - index * length
        if into < guard then
          return {0, guard - into, now, index, -1}
        end
        if into >= length - guard then
          return {0, length - into + guard, now, index, -1}
        end
        local state = redis.call('HMGET', KEYS[1], 'w', 'c')
        local count = 0
        if state[1] and tonumber(state[1]) == index then
          count = tonumber(state[2])
        end
        local left = limit - count
        local need = permits
        if held == index then
          need = math.max(0, permits - have)
        end
        if need > left then
          return {0, length - into + guard, now, index, left}
        end
        local grant = need
        if block > need then
          grant = math.min(block, left)
        end
        redis.call('HSET', KEYS[1], 'w', index, 'c', count + grant)
        redis.call('PEXPIRE', KEYS[1], 2 * length - into)
        return {1, grant, now, index, left - grant}
        """;

    private readonly RedisConnection _connection;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<(string Key, long Length), Quota> _quotas = new();
    private readonly string _keyPrefix;
    private readonly int _maxBlock;

    public RedisRateLimitStore(RedisConnection connection, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _connection = connection;
        _timeProvider = timeProvider;
        _keyPrefix = connection.Options.KeyPrefix + "rate:";
        _maxBlock = Math.Max(1, connection.Options.PermitBlockSize);
    }

    public async ValueTask<RateLimitGrant> TryTakeAsync(RateLimitWindow window, int permits, CancellationToken cancellationToken = default) =>
        (await TakeAsync(window, permits, cancellationToken).ConfigureAwait(false)).Grant;

    /// <summary>The block size for a window's limit: <c>min(PermitBlockSize, limit / 20)</c>, at least 1.</summary>
    /// <param name="limit">The window's limit.</param>
    /// <returns>How many permits one Redis call leases at most.</returns>
    internal int BlockSize(int limit) => Math.Clamp(limit / BlockDivisor, 1, _maxBlock);

    /// <summary>Takes permits and tells which window (on the server's clock) they were counted in.</summary>
    internal async ValueTask<RateLimitTake> TakeAsync(RateLimitWindow window, int permits, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permits, window.Limit);
        ArgumentOutOfRangeException.ThrowIfNegative(permits);
        ArgumentNullException.ThrowIfNull(window.Key);
        var length = (long)window.Length.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1L, nameof(window));
        var guard = Math.Max(0L, (long)window.Guard.TotalMilliseconds);
        var quota = _quotas.GetOrAdd((window.Key, length), static _ => new Quota());
        if (quota.TryAnswerLocally(permits, length, guard, _timeProvider, out var answer))
        {
            return answer;
        }

        await quota.Refill.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another taker may have refilled the block while this one waited.
            return quota.TryAnswerLocally(permits, length, guard, _timeProvider, out answer)
                ? answer
                : await TakeFromRedisAsync(quota, window, permits, length, guard, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            quota.Refill.Release();
        }
    }

    private async Task<RateLimitTake> TakeFromRedisAsync(Quota quota, RateLimitWindow window, int permits, long length, long guard, CancellationToken cancellationToken)
    {
        var key = (RedisKey)(_keyPrefix + window.Key + ":" + length.ToString(CultureInfo.InvariantCulture));
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var (held, have) = quota.Reserve();
        var started = _timeProvider.GetTimestamp();
        RedisResult result;
        try
        {
            result = await database.ScriptEvaluateAsync(
                TakeScript,
                [key],
                [window.Limit, length, guard, permits, held, have, BlockSize(window.Limit)]).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            quota.Restore();
            if (RedisConnection.IsFailure(exception))
            {
                throw _connection.Unavailable("take rate-limit permits", exception);
            }

            throw;
        }

        var granted = (long)result[0] == 1;
        var value = (long)result[1];
        var serverNow = (long)result[2];
        var index = (long)result[3];
        var left = (long)result[4];
        quota.Update(index, serverNow, started, _timeProvider.GetTimestamp(), granted, granted ? value : 0, permits, left);
        return new RateLimitTake(
            granted ? new RateLimitGrant(true, TimeSpan.Zero) : new RateLimitGrant(false, TimeSpan.FromMilliseconds(value + WakeMarginMilliseconds)),
            index,
            serverNow,
            Local: false);
    }

    /// <summary>One quota's state in this worker: the leased block of the window it was leased in, and the server's clock.</summary>
    private sealed class Quota
    {
        private readonly Lock _lock = new();
        private long _index = long.MinValue;
        private long _local;
        private long _reserved;
        private long _serverLeft = long.MaxValue;
        private long _serverMilliseconds;
        private long _callStarted;
        private long _callEnded;

        /// <summary>Gets the gate of the Redis call: one in flight per quota per worker.</summary>
        public SemaphoreSlim Refill { get; } = new(1, 1);

        /// <summary>Moves the block out of reach of local takes while a Redis call counts it (held under <see cref="Refill"/>).</summary>
        public (long Index, long Have) Reserve()
        {
            lock (_lock)
            {
                _reserved = _local;
                _local = 0;
                return (_index, _reserved);
            }
        }

        /// <summary>Grants from the block, or refuses when Redis already said the window has too little left; otherwise false (ask Redis).</summary>
        public bool TryAnswerLocally(int permits, long length, long guard, TimeProvider timeProvider, out RateLimitTake answer)
        {
            answer = default;
            lock (_lock)
            {
                if (_index == long.MinValue)
                {
                    return false;
                }

                // The server read its clock somewhere between the call's start and its answer: counting from the start
                // errs late (a block is given up early, never used past its window's end guard), counting from the answer
                // errs early (a refused taker never wakes before the next window opens).
                var now = _serverMilliseconds + (long)timeProvider.GetElapsedTime(_callStarted).TotalMilliseconds;
                var index = now / length;
                var into = now - (index * length);
                if (index != _index || into >= length - guard)
                {
                    return false;
                }

                if (_local >= permits)
                {
                    _local -= permits;
                    answer = new RateLimitTake(new RateLimitGrant(true, TimeSpan.Zero), index, now, Local: true);
                    return true;
                }

                if (_serverLeft != long.MaxValue && _local + _reserved + _serverLeft < permits)
                {
                    var earliest = _serverMilliseconds + (long)timeProvider.GetElapsedTime(_callEnded).TotalMilliseconds;
                    var retryAfter = ((index + 1) * length) + guard - earliest + WakeMarginMilliseconds;
                    answer = new RateLimitTake(new RateLimitGrant(false, TimeSpan.FromMilliseconds(retryAfter)), index, now, Local: true);
                    return true;
                }

                return false;
            }
        }

        /// <summary>Puts a reserved block back when the Redis call failed (it counted nothing).</summary>
        public void Restore()
        {
            lock (_lock)
            {
                _local += _reserved;
                _reserved = 0;
            }
        }

        /// <summary>Takes in what Redis answered (held under <see cref="Refill"/>, after <see cref="Reserve"/>).</summary>
        public void Update(long index, long serverMilliseconds, long callStarted, long callEnded, bool granted, long grantedCount, int permits, long left)
        {
            lock (_lock)
            {
                _serverMilliseconds = serverMilliseconds;
                _callStarted = callStarted;
                _callEnded = callEnded;
                var reserved = _reserved;
                _reserved = 0;
                if (index != _index)
                {
                    // A block never crosses into another window: what was reserved from the old one is dropped.
                    _index = index;
                    _local = 0;
                    _serverLeft = long.MaxValue;
                    reserved = 0;
                }

                if (left >= 0)
                {
                    _serverLeft = left;
                }

                // Same window: Redis counted the reserved block towards this take (need = permits - reserved); a new
                // window: reserved is 0 and the grant covers all the permits.
                _local += reserved + (granted ? grantedCount - permits : 0);
            }
        }
    }
}
