using System.Collections.Concurrent;
using Gateway.Core;
using Gateway.Core.Idempotency;
using Gateway.Redis.Connection;
using Gateway.Redis.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Redis.Idempotency;

/// <summary>
/// The idempotency record in Redis, shared by every worker of a queue. One string key per claimed id,
/// <c>{prefix}idem:&lt;key&gt;</c> (prefix <c>mg:</c> by default), holding either
/// <list type="bullet">
/// <item><description><c>claim:&lt;token&gt;</c> with <c>PX</c> = <see cref="IdempotencyOptions.Lease"/>: a worker is sending. The
/// store renews the lease of every claim it holds every third of the lease, for as long as the send takes; a worker
/// that died (or cannot reach Redis) stops renewing, and the next claim takes the key over once the lease ran out. A
/// short lease therefore bounds how long a dead worker's commands wait, which keeps a takeover's resend to Tencent
/// inside its 120-second dedup window, without limiting how long a live send may take; or</description></item>
/// <item><description><c>done:&lt;outcome&gt;</c> with <c>PX</c> = <see cref="IdempotencyOptions.TimeToLive"/>: the provider accepted it;
/// a repeat is answered from the record.</description></item>
/// </list>
/// Each step is one Lua script (atomic on the server, one round trip; never read-then-write from the client):
/// <c>claim</c> sets the claim only if the key is absent and otherwise answers <see cref="IdempotencyClaimStatus.Completed"/>
/// or <see cref="IdempotencyClaimStatus.Busy"/> (it never waits); <c>complete</c> and <c>release</c> act only while the key
/// still holds the caller's own token, so an owner whose lease expired cannot end a newer claim or overwrite its outcome
/// (complete still records the outcome when the expired key was not taken by anyone: the provider did accept it).
/// Every Redis failure surfaces as <see cref="StoreUnavailableException"/>.
/// </summary>
internal sealed class RedisIdempotencyStore : IIdempotencyStore, IDisposable
{
    internal const string ClaimPrefix = "claim:";
    internal const string DonePrefix = "done:";

    // KEYS[1] the record; ARGV[1] 'claim:<token>', ARGV[2] lease in ms. Returns {1} acquired, {2, outcome} completed, {3} busy.
    private const string ClaimScript = """
        local v = redis.call('GET', KEYS[1])
        if not v then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          return {1}
        end
        if string.sub(v, 1, 5) == 'done:' then
          return {2, string.sub(v, 6)}
        end
        return {3}
        """;

    // KEYS[1] the record; ARGV[1] 'claim:<token>', ARGV[2] 'done:<outcome>', ARGV[3] time to live in ms.
    // Returns 1 recorded over the own claim, 2 recorded after the own lease expired unclaimed, 0 someone else's claim or outcome: unchanged.
    private const string CompleteScript = """
        local v = redis.call('GET', KEYS[1])
        if v == ARGV[1] then
          redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
          return 1
        end
        if not v then
          redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
          return 2
        end
        return 0
        """;

    // KEYS[1] the record; ARGV[1] 'claim:<token>'. Returns 1 released, 0 not the caller's claim: unchanged.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('DEL', KEYS[1])
          return 1
        end
        return 0
        """;

    // KEYS[1] the record; ARGV[1] 'claim:<token>', ARGV[2] lease in ms. Returns 1 renewed, 0 no longer the caller's claim: unchanged.
    private const string RenewScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return 1
        end
        return 0
        """;

    private readonly RedisConnection _connection;
    private readonly IdempotencyOptions _options;
    private readonly ILogger<RedisIdempotencyStore> _logger;
    private readonly string _keyPrefix;

    // The claims this process holds (key → token), whose leases the timer renews until they are completed or released.
    private readonly ConcurrentDictionary<string, string> _held = new(StringComparer.Ordinal);
    private readonly ITimer _renewal;
    private int _renewing;

    public RedisIdempotencyStore(RedisConnection connection, IOptions<GatewayOptions> options, TimeProvider timeProvider, ILogger<RedisIdempotencyStore> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _connection = connection;
        _options = options.Value.Idempotency;
        _logger = logger;
        _keyPrefix = connection.Options.KeyPrefix + "idem:";
        var period = _options.Lease / 3;
        _renewal = timeProvider.CreateTimer(static state => ((RedisIdempotencyStore)state!).OnRenewalDue(), this, period, period);
    }

    /// <summary>Gets how many claims this store holds and keeps renewing.</summary>
    internal int HeldClaims => _held.Count;

    public async ValueTask<IdempotencyClaim> ClaimAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var token = Guid.NewGuid().ToString("N");
        var result = await EvaluateAsync(
            "claim",
            ClaimScript,
            key,
            [ClaimPrefix + token, Milliseconds(_options.Lease)],
            cancellationToken).ConfigureAwait(false);
        if ((long)result[0] == 1)
        {
            _held[key] = token;
        }

        return (long)result[0] switch
        {
            1 => new IdempotencyClaim(key, IdempotencyClaimStatus.Acquired, token),
            2 => new IdempotencyClaim(key, IdempotencyClaimStatus.Completed, StoredOutcome: (string?)result[1]),
            _ => new IdempotencyClaim(key, IdempotencyClaimStatus.Busy),
        };
    }

    public async ValueTask CompleteAsync(IdempotencyClaim claim, string outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var token = OwnToken(claim);
        _held.TryRemove(new KeyValuePair<string, string>(claim.Key!, token));
        var result = await EvaluateAsync(
            "record the outcome",
            CompleteScript,
            claim.Key,
            [ClaimPrefix + token, DonePrefix + outcome, Milliseconds(_options.TimeToLive)],
            cancellationToken).ConfigureAwait(false);
        switch ((long)result)
        {
            case 0:
                _logger.ClaimTakenOver(claim.Key, "complete");
                break;
            case 2:
                _logger.OutcomeRecordedAfterLease(claim.Key);
                break;
        }
    }

    public async ValueTask ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        var token = OwnToken(claim);
        _held.TryRemove(new KeyValuePair<string, string>(claim.Key!, token));
        var result = await EvaluateAsync("release the claim", ReleaseScript, claim.Key, [ClaimPrefix + token], cancellationToken).ConfigureAwait(false);
        if ((long)result == 0)
        {
            _logger.ClaimTakenOver(claim.Key, "release");
        }
    }

    /// <summary>Stops renewing; the held claims then expire with their leases, as a dead worker's do.</summary>
    public void Dispose() => _renewal.Dispose();

    /// <summary>The Redis key of an idempotency key.</summary>
    /// <param name="key">The idempotency key, for example <c>send:&lt;messageId&gt;</c>.</param>
    /// <returns>The Redis key.</returns>
    internal RedisKey RecordKey(string key) => _keyPrefix + key;

    private static string OwnToken(IdempotencyClaim claim)
    {
        if (claim.Status != IdempotencyClaimStatus.Acquired || string.IsNullOrEmpty(claim.Token) || claim.Key is null)
        {
            throw new ArgumentException("Only a claim this store acquired (with its token) can be completed or released.", nameof(claim));
        }

        return claim.Token;
    }

    private void OnRenewalDue()
    {
        // One round at a time: while Redis is unreachable a round can outlast the period.
        if (!_held.IsEmpty && Interlocked.Exchange(ref _renewing, 1) == 0)
        {
            _ = RenewAsync();
        }
    }

    private async Task RenewAsync()
    {
        try
        {
            var lease = Milliseconds(_options.Lease);
            foreach (var (key, token) in _held)
            {
                var result = await EvaluateAsync("renew the claim", RenewScript, key, [ClaimPrefix + token, lease], CancellationToken.None).ConfigureAwait(false);
                // Removed only if it is still this claim: a completed or released one is already gone from the set.
                if ((long)result == 0 && _held.TryRemove(new KeyValuePair<string, string>(key, token)))
                {
                    _logger.ClaimTakenOver(key, "renew");
                }
            }
        }
        catch (Exception exception)
        {
            // The next round tries again; a claim whose lease runs out meanwhile may be taken over by another worker.
            _logger.ClaimRenewalFailed(_held.Count, exception.Message);
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }
    }

    private static long Milliseconds(TimeSpan value) => Math.Max(1, (long)Math.Ceiling(value.TotalMilliseconds));

    private async ValueTask<RedisResult> EvaluateAsync(string operation, string script, string key, RedisValue[] values, CancellationToken cancellationToken)
    {
        var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The library has no cancellation: a call the caller abandons still completes on the server (a claim taken
            // that way expires with its lease).
            return await database.ScriptEvaluateAsync(script, [RecordKey(key)], values).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (RedisConnection.IsFailure(exception))
        {
            throw _connection.Unavailable(operation, exception);
        }
    }
}
