namespace Gateway.Sandbox.Hosting;

/// <summary>The record of every request an emulator received, in arrival order. Thread-safe.</summary>
public sealed class RequestJournal
{
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>Gets a snapshot of every request received so far.</summary>
    public IReadOnlyList<RecordedRequest> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Gets the number of requests received so far.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>Gets the requests to one path (exact, case-insensitive).</summary>
    /// <param name="path">The path, for example <c>/msg/send_msg</c>.</param>
    /// <returns>The matching requests in arrival order.</returns>
    public IReadOnlyList<RecordedRequest> ForPath(string path) =>
        [.. All.Where(r => string.Equals(r.Path, path, StringComparison.OrdinalIgnoreCase))];

    /// <summary>Forgets every request recorded so far.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _requests.Clear();
        }
    }

    internal void Add(RecordedRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }
    }
}
