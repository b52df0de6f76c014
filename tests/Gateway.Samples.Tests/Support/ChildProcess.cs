using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Gateway.Samples.Tests.Support;

/// <summary>
/// A process a test started, with its output collected line by line. Stopped only by its own PID (and, for a tree it
/// spawned, the PIDs of that tree): SIGTERM with a bounded wait, then SIGKILL. Disposing it always leaves nothing running.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _lineArrived = new(0);

    private ChildProcess(Process process, string display)
    {
        _process = process;
        Display = display;
    }

    public int Pid => _process.Id;

    public string Display { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string StdOut => string.Join('\n', _stdout);

    public string StdErr => string.Join('\n', _stderr);

    /// <summary>Gets both streams, for failure messages.</summary>
    public string Output => $"[{Display}]\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, ProcessOptions? options = null)
    {
        options ??= new ProcessOptions();
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = options.WorkingDirectory ?? Gateway.Testing.RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The environment of a developer's shell must not leak into what a test checks.
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, $"{Path.GetFileName(fileName)} {string.Join(' ', info.ArgumentList)}");
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, child._stdout, child._outputClosed);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, child._stderr, child._errorClosed);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a program to its end and returns it (exited, output complete); killed and reported on timeout.</summary>
    public static async Task<ChildProcess> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, ProcessOptions? options = null)
    {
        var child = Start(fileName, arguments, options);
        try
        {
            await child.WaitForExitAsync(timeout);
            return child;
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until a line of standard output or error matches.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = _stdout.Concat(_stderr).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (_process.HasExited && _outputClosed.Task.IsCompleted && _errorClosed.Task.IsCompleted)
            {
                throw new InvalidOperationException($"exited ({_process.ExitCode}) before printing the expected line\n{Output}");
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"the expected line did not come within {timeout.TotalSeconds:0} s\n{Output}");
            }

            await _lineArrived.WaitAsync(left < TimeSpan.FromMilliseconds(500) ? left : TimeSpan.FromMilliseconds(500));
        }
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            var tree = Tree(Pid);
            Signal("KILL", tree);
            throw new TimeoutException($"did not finish within {timeout.TotalSeconds:0} s; killed\n{Output}");
        }
    }

    /// <summary>SIGTERM to this process's PID (a graceful stop, as systemd does), then waits for it to exit.</summary>
    public async Task<bool> TerminateAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return true;
        }

        Signal("TERM", [Pid]);
        using var deadline = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Stops the process and every process it started (dotnet run's app, a shell's jobs), by their PIDs taken while they
    /// run: SIGTERM, up to 20 s, then SIGKILL of whatever is left. Nothing this test started stays behind.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            var tree = _process.HasExited ? [] : Tree(Pid);
            if (tree.Count > 0)
            {
                Signal("TERM", tree);
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
                while (tree.Any(Alive) && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }

                var left = tree.Where(Alive).ToList();
                if (left.Count > 0)
                {
                    Signal("KILL", left);
                }
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Reported by the caller's assertions; nothing more can be done by PID.
            }
        }
        finally
        {
            _process.Dispose();
            _lineArrived.Dispose();
        }
    }

    /// <summary>Gets the PIDs of the processes this one started, and theirs (from /proc, now).</summary>
    public IReadOnlyList<int> Descendants() => _process.HasExited ? [] : Tree(Pid)[1..];

    /// <summary>Sends a signal (TERM, KILL, ...) to the given PIDs.</summary>
    public static void Signal(string signal, IEnumerable<int> pids)
    {
        var info = new ProcessStartInfo("kill") { UseShellExecute = false, RedirectStandardError = true };
        info.ArgumentList.Add("-" + signal);
        foreach (var pid in pids)
        {
            info.ArgumentList.Add(pid.ToString(CultureInfo.InvariantCulture));
        }

        using var kill = Process.Start(info)!;
        kill.StandardError.ReadToEnd();
        kill.WaitForExit();
    }

    /// <summary>The PID and its descendants, parents first (from /proc).</summary>
    private static List<int> Tree(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(pid);
            }
            catch (IOException)
            {
                // Exited meanwhile.
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(children.GetValueOrDefault(tree[i]) ?? []);
        }

        return tree;
    }

    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private void OnLine(string? line, ConcurrentQueue<string> lines, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
        }
        else
        {
            lines.Enqueue(line);
        }

        _lineArrived.Release();
    }
}

/// <summary>How to start a <see cref="ChildProcess"/>.</summary>
internal sealed class ProcessOptions
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Gets variables to set (a <see langword="null"/> value removes one).</summary>
    public Dictionary<string, string?> Environment { get; init; } = new(StringComparer.Ordinal);
}
