namespace Gateway.Reliability.Processes;

/// <summary>
/// One gateway worker: <c>dotnet artifacts/bin/Gateway.Host/release/Gateway.Host.dll run --config FILE</c>, started,
/// killed with SIGKILL and started again by PID.
/// </summary>
internal sealed class GatewayWorker(string hostDll, string configFile, IReadOnlyDictionary<string, string> environment, string logFile) : IAsyncDisposable
{
    private readonly List<ChildProcess> _exited = [];
    private ChildProcess? _process;

    public int Starts { get; private set; }

    public int? Pid => _process?.Pid;

    public bool Running => _process is { HasExited: false };

    public string LogFile => logFile;

    public void Start()
    {
        if (Running)
        {
            throw new InvalidOperationException("the worker is already running");
        }

        if (_process is not null)
        {
            _exited.Add(_process);
        }

        _process = ChildProcess.Start("dotnet", [hostDll, "run", "--config", configFile], logFile, environment);
        Starts++;
    }

    /// <summary>SIGSTOP (see <see cref="ChildProcess.FreezeAsync"/>); a kill or stop follows.</summary>
    public async Task FreezeAsync()
    {
        if (_process is not null)
        {
            await _process.FreezeAsync();
        }
    }

    public async Task Kill9Async()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
        }
    }

    /// <summary>A graceful stop (SIGTERM; in-flight sends may finish within Messaging:StopTimeout, 30 s).</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(40));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(40));
            await _process.DisposeAsync();
            _process = null;
        }

        foreach (var exited in _exited)
        {
            await exited.DisposeAsync();
        }

        _exited.Clear();
    }
}
