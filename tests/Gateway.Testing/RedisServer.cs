using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Gateway.Testing;

/// <summary>
/// A real Redis server on 127.0.0.1 for tests. Uses the server the test command started when
/// <c>MG_TEST_REDIS_PORT</c> is set; otherwise it starts Debian's <c>redis-server</c> (installing it first when it is
/// missing and the tests run as root) on a free private port with a temporary directory of its own and the AOF on
/// (<c>--appendonly yes --appendfsync everysec</c>, no RDB snapshots), and stops it by its PID afterwards. Use it as a
/// class or collection fixture; tests that share it isolate themselves with key prefixes of their own. Outage tests
/// take a server of their own (<see cref="StartPrivateAsync"/>) and use <see cref="KillAsync"/> and
/// <see cref="RestartAsync"/>.
/// </summary>
public sealed class RedisServer : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>The environment variable naming the port of a server the test command started.</summary>
    public const string PortVariable = "MG_TEST_REDIS_PORT";

    private const string ServerPath = "/usr/bin/redis-server";
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);

    private Process? _process;
    private string? _directory;

    /// <summary>Gets the port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>Gets the endpoint as <c>127.0.0.1:port</c>.</summary>
    public string EndPoint => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Gets a StackExchange.Redis configuration string for the server. Its timeouts (5 s) leave room for a busy CI
    /// machine; outage tests append shorter ones (a later <c>asyncTimeout=</c> wins).
    /// </summary>
    public string ConnectionString => $"{EndPoint},connectTimeout=5000,syncTimeout=5000,asyncTimeout=5000";

    /// <summary>Gets whether this fixture started the server (and so can kill and restart it).</summary>
    public bool IsOwned => _directory is not null;

    /// <summary>Gets the PID of the server this fixture started, while it runs.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>Gets the server's directory (its AOF and log), when this fixture started it.</summary>
    public string? Directory => _directory;

    /// <summary>Starts a server of the caller's own (whatever <c>MG_TEST_REDIS_PORT</c> says); dispose it at the end of the test.</summary>
    /// <returns>The running server.</returns>
    public static async Task<RedisServer> StartPrivateAsync()
    {
        var server = new RedisServer();
        try
        {
            await server.StartOwnAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Connects to the test command's server, or starts a private one.</summary>
    /// <returns>A task that completes when the server answers PING.</returns>
    public async Task InitializeAsync()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(PortVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            Port = port;
            await WaitUntilReadyAsync(null);
            return;
        }

        await StartOwnAsync();
    }

    /// <summary>Kills the server abruptly (SIGKILL, as a crash would); it stays down until <see cref="RestartAsync"/>.</summary>
    /// <returns>A task that completes when the process has exited.</returns>
    public async Task KillAsync()
    {
        EnsureOwned();
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Stops the server gracefully (SIGTERM: it flushes the AOF) if it runs, and starts it again on the same port and
    /// directory, so it reloads its data from the AOF.
    /// </summary>
    /// <returns>A task that completes when the server answers PING again.</returns>
    public async Task RestartAsync()
    {
        EnsureOwned();
        await StopProcessAsync();
        await StartProcessAsync();
    }

    /// <summary>Stops a server this fixture started and deletes its directory.</summary>
    /// <returns>A task that completes when it is stopped.</returns>
    public async Task DisposeAsync()
    {
        if (_directory is null)
        {
            return;
        }

        await StopProcessAsync();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp directory is cleaned up by the system otherwise.
        }

        _directory = null;
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private static async Task EnsureInstalledAsync()
    {
        if (File.Exists(ServerPath))
        {
            return;
        }

        await InstallLock.WaitAsync();
        try
        {
            if (File.Exists(ServerPath))
            {
                return;
            }

            if (!Environment.IsPrivilegedProcess)
            {
                throw new InvalidOperationException($"{ServerPath} is missing; install it with: sudo apt-get install -y redis-server");
            }

            // Like eng/rabbitmq.sh: Debian's package; the service it may start is stopped again (the tests use their own).
            await RunAsync("bash", "-c", "export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq redis-server && (service redis-server stop || true)");
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task StartOwnAsync()
    {
        await EnsureInstalledAsync();
        _directory = Path.Combine(Path.GetTempPath(), "mg-redis-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(_directory);
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                await StartProcessAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // The port was taken between choosing and binding it: choose another.
                await StopProcessAsync();
            }
        }
    }

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(ServerPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--protected-mode", "yes",
            "--dir", _directory!,
            "--appendonly", "yes",
            "--appendfsync", "everysec",
            "--save", string.Empty,
            "--daemonize", "no",
            "--logfile", Path.Combine(_directory!, "redis.log"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += static (_, _) => { };
        _process.ErrorDataReceived += static (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync(_process);
    }

    private async Task StopProcessAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        using (process)
        {
            if (process.HasExited)
            {
                return;
            }

            // SIGTERM: Redis flushes the AOF and exits; SIGKILL if it does not within 10 s.
            await RunAsync("kill", "-TERM", process.Id.ToString(CultureInfo.InvariantCulture));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
    }

    private async Task WaitUntilReadyAsync(Process? process)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process is { HasExited: true })
            {
                var log = _directory is null ? string.Empty : ReadLog();
                throw new InvalidOperationException($"redis-server on port {Port} exited with {process.ExitCode}: {log}");
            }

            if (await PingAsync())
            {
                return;
            }

            if (deadline.Elapsed > ReadyTimeout)
            {
                throw new TimeoutException($"Redis on {EndPoint} did not answer PING within {ReadyTimeout.TotalSeconds} s");
            }

            await Task.Delay(50);
        }
    }

    private string ReadLog()
    {
        var path = Path.Combine(_directory!, "redis.log");
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(10)) : string.Empty;
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);

            // "-LOADING ..." while it replays the AOF: not ready yet.
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private void EnsureOwned()
    {
        if (!IsOwned)
        {
            throw new InvalidOperationException($"this fixture did not start the Redis server on {EndPoint} ({PortVariable}); use RedisServer.StartPrivateAsync() for outage tests");
        }
    }
}
