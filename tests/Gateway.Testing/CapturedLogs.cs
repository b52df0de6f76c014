using Microsoft.Extensions.Logging;

namespace Gateway.Testing;

/// <summary>
/// An <see cref="ILoggerProvider"/> that keeps every log entry (message, state values, scopes and exception text),
/// so tests can assert what was logged and, above all, that no secret was.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly Lock _lock = new();
    private readonly List<LogEntry> _entries = [];
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>Gets a snapshot of the entries so far.</summary>
    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Gets every entry as one text (messages, state values, scopes, exceptions), for "never contains" checks.</summary>
    public string AllText => string.Join('\n', Entries.Select(e => e.FullText));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    /// <summary>One captured entry.</summary>
    /// <param name="Category">The logger category.</param>
    /// <param name="Level">The level.</param>
    /// <param name="EventId">The event id.</param>
    /// <param name="Message">The formatted message.</param>
    /// <param name="State">The structured values.</param>
    /// <param name="Scopes">The scopes, formatted.</param>
    /// <param name="Exception">The exception text, if any.</param>
    public sealed record LogEntry(
        string Category,
        LogLevel Level,
        EventId EventId,
        string Message,
        IReadOnlyList<KeyValuePair<string, object?>> State,
        IReadOnlyList<string> Scopes,
        string? Exception)
    {
        /// <summary>Gets everything in the entry as text.</summary>
        public string FullText =>
            $"{Category} {Level} {EventId} {Message} | {string.Join(", ", State.Select(kv => $"{kv.Key}={kv.Value}"))} | {string.Join(" => ", Scopes)} | {Exception}";
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            var scopes = new List<string>();
            owner._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? string.Empty), scopes);
            var entry = new LogEntry(category, logLevel, eventId, formatter(state, exception), [.. values], scopes, exception?.ToString());
            lock (owner._lock)
            {
                owner._entries.Add(entry);
            }
        }
    }
}
