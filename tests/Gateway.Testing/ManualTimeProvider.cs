namespace Gateway.Testing;

/// <summary>A clock that only moves when told to; timers fire when <see cref="Advance"/> passes their due time.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private long _timestamp;

    /// <summary>Initializes a new instance of the <see cref="ManualTimeProvider"/> class.</summary>
    /// <param name="start">The starting time; defaults to 2026-01-01T00:00:00Z.</param>
    public ManualTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _timestamp;
        }
    }

    /// <summary>Moves the clock forward and fires the timers that became due.</summary>
    /// <param name="by">How far.</param>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        List<ManualTimer> due;
        lock (_lock)
        {
            _now += by;
            _timestamp += by.Ticks;
            due = [.. _timers.Where(t => t.DueAt <= _now)];
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    /// <summary>Sets the clock to a time (forward only).</summary>
    /// <param name="to">The new time.</param>
    public void SetUtcNow(DateTimeOffset to) => Advance(to - GetUtcNow());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; } = DateTimeOffset.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    DueAt = DateTimeOffset.MaxValue;
                    owner._timers.Remove(this);
                }
                else
                {
                    DueAt = owner._now + dueTime;
                    if (!owner._timers.Contains(this))
                    {
                        owner._timers.Add(this);
                    }
                }
            }

            if (dueTime == TimeSpan.Zero)
            {
                Fire();
            }

            return true;
        }

        public void Fire()
        {
            lock (owner._lock)
            {
                if (_period > TimeSpan.Zero && _period != Timeout.InfiniteTimeSpan)
                {
                    DueAt = owner._now + _period;
                }
                else
                {
                    DueAt = DateTimeOffset.MaxValue;
                    owner._timers.Remove(this);
                }
            }

            callback(state);
        }

        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
