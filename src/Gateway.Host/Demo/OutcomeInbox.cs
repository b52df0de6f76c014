using System.Collections.Concurrent;
using Gateway.Core.Contracts;

namespace Gateway.Host.Demo;

/// <summary>
/// Every outcome event the bus delivered to a queue of the demo's (or a test's) own, so they observe the outcomes
/// exactly as other services would.
/// </summary>
internal sealed class OutcomeInbox
{
    private readonly ConcurrentQueue<object> _events = new();
    private readonly ConcurrentDictionary<string, long> _arrivals = new(StringComparer.Ordinal);

    // Completed and replaced on every arrival, so every waiter wakes and looks (a broadcast, unlike a semaphore).
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<object> Events => [.. _events];

    /// <summary>Gets how many events arrived.</summary>
    public int Count => _events.Count;

    /// <summary>Gets when the first outcome of each message arrived (<see cref="System.Diagnostics.Stopwatch"/> timestamps).</summary>
    public IReadOnlyDictionary<string, long> Arrivals => _arrivals;

    public void Add(object outcome)
    {
        _arrivals.TryAdd(MessageIdOf(outcome) ?? string.Empty, System.Diagnostics.Stopwatch.GetTimestamp());
        _events.Enqueue(outcome);
        Interlocked.Exchange(ref _arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Waits (bounded) for an event of type <typeparamref name="T"/> about <paramref name="messageId"/>.</summary>
    public async Task<T> WaitForAsync<T>(string messageId, TimeSpan? timeout = null)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var arrival = Volatile.Read(ref _arrived).Task;
            var found = _events.OfType<T>().FirstOrDefault(e => MessageIdOf(e) == messageId);
            if (found is not null)
            {
                return found;
            }

            try
            {
                await arrival.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no {typeof(T).Name} for '{messageId}'; events so far: {string.Join(", ", _events.Select(e => $"{e.GetType().Name}({MessageIdOf(e)})"))}");
            }
        }
    }

    /// <summary>Waits (bounded) until at least <paramref name="count"/> events arrived.</summary>
    public async Task WaitForCountAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var arrival = Volatile.Read(ref _arrived).Task;
            if (_events.Count >= count)
            {
                return;
            }

            try
            {
                await arrival.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{_events.Count} of {count} outcomes within {timeout}");
            }
        }
    }

    public static string? MessageIdOf(object outcome) => outcome switch
    {
        MessageSent e => e.MessageId,
        MessageSendFailed e => e.MessageId,
        MessageRevoked e => e.MessageId,
        MessageRevokeFailed e => e.MessageId,
        _ => null,
    };
}
