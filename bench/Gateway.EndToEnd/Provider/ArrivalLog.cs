using System.Buffers.Text;
using System.Diagnostics;
using System.Text;

namespace Gateway.EndToEnd.Provider;

/// <summary>
/// What the fake provider saw during one run: the first arrival time (<see cref="Stopwatch"/> ticks) of every message
/// id <c>{prefix}{index}</c>, duplicates, and two moments the driver waits for: the arrival of the
/// <see cref="Warmup"/>-th distinct message (the measurement window opens) and of the last one (it closes).
/// Thread-safe; recording allocates nothing.
/// </summary>
internal sealed class ArrivalLog
{
    private readonly byte[] _prefix;
    private readonly long[] _arrivals;
    private readonly TaskCompletionSource<long> _warmedUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<long> _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _distinct;
    private int _duplicates;

    public ArrivalLog(string prefix, int count, int warmup)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(warmup, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(warmup, count);
        _prefix = Encoding.UTF8.GetBytes(prefix);
        _arrivals = new long[count];
        Warmup = warmup;
    }

    /// <summary>Gets how many distinct messages arrive before the measurement window opens.</summary>
    public int Warmup { get; }

    /// <summary>Gets how many distinct messages the run expects.</summary>
    public int Count => _arrivals.Length;

    /// <summary>Gets how many distinct messages arrived so far.</summary>
    public int Distinct => Volatile.Read(ref _distinct);

    /// <summary>Gets how many requests repeated a message that had already arrived (redeliveries, retries).</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Gets a task completed with the arrival time of the <see cref="Warmup"/>-th distinct message.</summary>
    public Task<long> WarmedUp => _warmedUp.Task;

    /// <summary>Gets a task completed with the arrival time of the last distinct message.</summary>
    public Task<long> Completed => _completed.Task;

    /// <summary>Gets the first arrival time of message <paramref name="index"/>, 0 if it never arrived.</summary>
    /// <param name="index">The message index.</param>
    /// <returns>Stopwatch ticks, or 0.</returns>
    public long ArrivalOf(int index) => Volatile.Read(ref _arrivals[index]);

    /// <summary>Records one request.</summary>
    /// <param name="messageId">The message id as UTF-8.</param>
    /// <param name="timestamp">The arrival time in Stopwatch ticks.</param>
    /// <returns><see langword="false"/> when the id does not belong to this run.</returns>
    public bool Record(ReadOnlySpan<byte> messageId, long timestamp)
    {
        if (!messageId.StartsWith(_prefix)
            || !Utf8Parser.TryParse(messageId[_prefix.Length..], out int index, out var consumed)
            || consumed != messageId.Length - _prefix.Length
            || (uint)index >= (uint)_arrivals.Length)
        {
            return false;
        }

        if (Interlocked.CompareExchange(ref _arrivals[index], timestamp, 0) != 0)
        {
            Interlocked.Increment(ref _duplicates);
            return true;
        }

        var distinct = Interlocked.Increment(ref _distinct);
        if (distinct == Warmup)
        {
            _warmedUp.TrySetResult(timestamp);
        }

        if (distinct == _arrivals.Length)
        {
            _completed.TrySetResult(timestamp);
        }

        return true;
    }
}
