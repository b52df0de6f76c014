using Microsoft.Extensions.Options;

namespace Gateway.Core.Idempotency;

/// <summary>
/// The default idempotency store: one process's memory, bounded by <see cref="IdempotencyOptions.MaxEntries"/>
/// (oldest forgotten first) and <see cref="IdempotencyOptions.TimeToLive"/>. A claim on a key in progress waits for it
/// (it never answers Busy), so concurrent sends of one id in this process make one provider call.
/// </summary>
internal sealed class InMemoryIdempotencyStore(IOptions<GatewayOptions> options, TimeProvider timeProvider) : IIdempotencyStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Completed keys in completion order, so expiry and the size bound both evict from the head.
    private readonly LinkedList<string> _completed = new();
    private readonly IdempotencyOptions _options = options.Value.Idempotency;

    public async ValueTask<IdempotencyClaim> ClaimAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        while (true)
        {
            Task inFlight;
            lock (_lock)
            {
                EvictExpired();
                if (!_entries.TryGetValue(key, out var entry))
                {
                    // In flight until completed or released; the waiters' task is made only if someone waits.
                    _entries[key] = new Entry();
                    return new IdempotencyClaim(key, IdempotencyClaimStatus.Acquired);
                }

                if (entry.Outcome is not null)
                {
                    return new IdempotencyClaim(key, IdempotencyClaimStatus.Completed, StoredOutcome: entry.Outcome);
                }

                inFlight = (entry.InFlight ??= new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask CompleteAsync(IdempotencyClaim claim, string outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var key = claim.Key;
        TaskCompletionSource? waiters;
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            waiters = entry.InFlight;
            entry.InFlight = null;
            entry.Outcome = outcome;
            entry.ExpiresAt = timeProvider.GetUtcNow() + _options.TimeToLive;
            if (entry.Node is not null)
            {
                _completed.Remove(entry.Node);
            }

            entry.Node = _completed.AddLast(key);
            while (_completed.Count > _options.MaxEntries)
            {
                _entries.Remove(_completed.First!.Value);
                _completed.RemoveFirst();
            }
        }

        waiters?.TrySetResult();
        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken = default)
    {
        var key = claim.Key;
        TaskCompletionSource? waiters = null;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Outcome is null)
            {
                waiters = entry.InFlight;
                _entries.Remove(key);
            }
        }

        waiters?.TrySetResult();
        return ValueTask.CompletedTask;
    }

    /// <summary>Gets the number of completed keys remembered (for tests).</summary>
    internal int CompletedCount
    {
        get
        {
            lock (_lock)
            {
                return _completed.Count;
            }
        }
    }

    private void EvictExpired()
    {
        var now = timeProvider.GetUtcNow();
        while (_completed.First is { } head && _entries[head.Value].ExpiresAt <= now)
        {
            _entries.Remove(head.Value);
            _completed.RemoveFirst();
        }
    }

    private sealed class Entry
    {
        public TaskCompletionSource? InFlight { get; set; }

        public string? Outcome { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }

        public LinkedListNode<string>? Node { get; set; }
    }
}
