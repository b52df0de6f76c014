namespace Gateway.Sandbox.Hosting;

/// <summary>
/// Latency and failures to inject. Faults are queued and used once each, in order, by the first requests whose
/// path matches; <see cref="Latency"/> applies to every request. Thread-safe.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock _lock = new();
    private readonly List<(string? Path, Fault Fault)> _queue = [];

    /// <summary>Gets or sets a delay added to every request before it is handled.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Queues a one-shot fault.</summary>
    /// <param name="fault">The fault.</param>
    /// <param name="path">Only requests to this path (case-insensitive) trigger it; <see langword="null"/> matches any.</param>
    /// <param name="times">How many consecutive matching requests get it.</param>
    public void Enqueue(Fault fault, string? path = null, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_lock)
        {
            for (var i = 0; i < times; i++)
            {
                _queue.Add((path, fault));
            }
        }
    }

    /// <summary>Gets the number of queued faults not used yet.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Removes all queued faults and the latency.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _queue.Clear();
            Latency = TimeSpan.Zero;
        }
    }

    internal Fault? Take(string path)
    {
        lock (_lock)
        {
            var index = _queue.FindIndex(f => f.Path is null || string.Equals(f.Path, path, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            var fault = _queue[index].Fault;
            _queue.RemoveAt(index);
            return fault;
        }
    }
}
