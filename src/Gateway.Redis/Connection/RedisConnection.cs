using System.Net;
using Gateway.Core.Idempotency;
using Gateway.Redis.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Redis.Connection;

/// <summary>
/// The one <see cref="ConnectionMultiplexer"/> the Redis stores share, connected once (at start by
/// <see cref="RedisStartupCheck"/>, or on first use) and never thrown away: with <c>abortConnect=false</c> it keeps
/// reconnecting in the background after an outage, and operations issued meanwhile fail within <c>asyncTimeout</c>.
/// Every Redis failure leaves here as <see cref="StoreUnavailableException"/>, whose message names the endpoints only.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    // A worker should be back within a few seconds once Redis is: the library's default backs off up to 10 s.
    private const int ReconnectBackOffMilliseconds = 500;
    private const int ReconnectMaxBackOffMilliseconds = 5_000;

    private readonly IOptions<RedisStoreOptions> _options;
    private readonly ILogger<RedisConnection> _logger;
    private readonly Lock _lock = new();
    private Task<ConnectionMultiplexer>? _connecting;
    private ConnectionMultiplexer? _multiplexer;
    private string? _endpoints;
    private int _lastFailure = -1;
    private bool _disposed;

    public RedisConnection(IOptions<RedisStoreOptions> options, ILogger<RedisConnection>? logger = null)
    {
        _options = options;
        _logger = logger ?? NullLogger<RedisConnection>.Instance;
    }

    /// <summary>Gets the configured endpoints as <c>host:port</c>, for messages (never the password or other options).</summary>
    public string Endpoints => _endpoints ??= Describe(Parse(_options.Value.ConnectionString).EndPoints);

    /// <summary>Gets the options the stores read (key prefix, block size).</summary>
    public RedisStoreOptions Options => _options.Value;

    /// <summary>Gets the kind of the last connection failure reported, if any (an enum: safe to show).</summary>
    public ConnectionFailureType? LastFailure
    {
        get
        {
            var value = Volatile.Read(ref _lastFailure);
            return value >= 0 ? (ConnectionFailureType)value : null;
        }
    }

    /// <summary>Gets the multiplexer, connecting it first if needed (the connect attempt is bounded by <c>connectTimeout</c>).</summary>
    /// <remarks>For the <see cref="IConnectionMultiplexer"/> service only; in a host the startup check has connected it already.</remarks>
    public IConnectionMultiplexer Multiplexer => _multiplexer ?? GetMultiplexerAsync().GetAwaiter().GetResult();

    /// <summary>Returns the multiplexer once the first connect attempt finished (connected or still retrying in the background).</summary>
    /// <returns>The shared multiplexer.</returns>
    public Task<ConnectionMultiplexer> GetMultiplexerAsync()
    {
        if (_multiplexer is { } ready)
        {
            return Task.FromResult(ready);
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectAsync();
            }

            return _connecting;
        }
    }

    /// <summary>Returns the database the stores use.</summary>
    /// <param name="cancellationToken">The token to stop waiting for the first connect.</param>
    /// <returns>The database.</returns>
    /// <exception cref="StoreUnavailableException">The connection could not be made.</exception>
    public async ValueTask<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        if (_multiplexer is { } ready)
        {
            return ready.GetDatabase();
        }

        try
        {
            var multiplexer = await GetMultiplexerAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return multiplexer.GetDatabase();
        }
        catch (Exception exception) when (IsFailure(exception))
        {
            throw Unavailable("connect", exception);
        }
    }

    /// <summary>Whether an exception is a Redis failure (connection, timeout, server error) rather than caller cancellation or a bug.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns><see langword="true"/> for failures the stores report as <see cref="StoreUnavailableException"/>.</returns>
    public static bool IsFailure(Exception exception) => exception is RedisException or TimeoutException;

    /// <summary>The exception a store throws for a Redis failure: names the operation and the endpoints, never the connection string.</summary>
    /// <param name="operation">What was being done, for example <c>claim</c>.</param>
    /// <param name="exception">The Redis failure (kept as the inner exception; StackExchange.Redis messages carry no password).</param>
    /// <returns>The exception to throw.</returns>
    public StoreUnavailableException Unavailable(string operation, Exception exception) =>
        new($"Redis ({Endpoints}) could not {operation} ({exception.GetType().Name}); nothing was changed by this call, try again later", exception);

    /// <summary>Parses a connection string; <see langword="null"/> when it is missing or malformed.</summary>
    /// <param name="connectionString">The StackExchange.Redis configuration string.</param>
    /// <returns>The parsed options, or <see langword="null"/>.</returns>
    public static ConfigurationOptions? TryParse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        try
        {
            var configuration = ConfigurationOptions.Parse(connectionString);
            configuration.SetDefaultPorts();
            return configuration;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or NotSupportedException or RedisException)
        {
            // The parser's message may quote the value (and so a password): callers report the key only.
            return null;
        }
    }

    /// <summary>Formats endpoints as <c>host:port</c>, comma-separated.</summary>
    /// <param name="endPoints">The endpoints.</param>
    /// <returns>The description.</returns>
    public static string Describe(IEnumerable<EndPoint> endPoints) => string.Join(", ", endPoints.Select(static e => e switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => e.ToString() ?? "?",
    }));

    public void Dispose()
    {
        ConnectionMultiplexer? multiplexer;
        lock (_lock)
        {
            _disposed = true;
            multiplexer = _multiplexer;
        }

        multiplexer?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        ConnectionMultiplexer? multiplexer;
        lock (_lock)
        {
            _disposed = true;
            multiplexer = _multiplexer;
        }

        if (multiplexer is not null)
        {
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ConfigurationOptions Parse(string? connectionString) =>
        TryParse(connectionString) ?? throw new InvalidOperationException(
            $"{RedisStoreOptions.ConnectionStringKey} is missing or is not a valid StackExchange.Redis configuration string");

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var configuration = Parse(_options.Value.ConnectionString);

        // Never give up: a worker started during an outage, or one that lost Redis, must come back by itself.
        configuration.AbortOnConnectFail = false;
        configuration.ReconnectRetryPolicy = new ExponentialRetry(ReconnectBackOffMilliseconds, ReconnectMaxBackOffMilliseconds);
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
        multiplexer.ConnectionFailed += OnConnectionFailed;
        multiplexer.ConnectionRestored += OnConnectionRestored;
        if (!multiplexer.IsConnected)
        {
            // The first attempt failed before the handlers were attached; record why, for the startup message.
            Volatile.Write(ref _lastFailure, (int)ConnectionFailureType.UnableToConnect);
        }

        lock (_lock)
        {
            if (_disposed)
            {
                multiplexer.Dispose();
                throw new ObjectDisposedException(nameof(RedisConnection));
            }

            _multiplexer = multiplexer;
        }

        return multiplexer;
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        Volatile.Write(ref _lastFailure, (int)e.FailureType);
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            _logger.RedisConnectionFailed(Describe(e.EndPoint is null ? [] : [e.EndPoint]), e.ConnectionType, e.FailureType);
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.RedisConnectionRestored(Describe(e.EndPoint is null ? [] : [e.EndPoint]), e.ConnectionType);
        }
    }
}
