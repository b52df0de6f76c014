using System.Diagnostics;
using System.Text;

namespace Gateway.Host.Tests.Support;

/// <summary>
/// Runs the real Gateway.Host binary as a user would, capturing its exit code, stdout and stderr. Every process is
/// bounded in time and, if it outlives its test, killed by its PID.
/// </summary>
internal static class HostProcess
{
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        await using var process = Running.Start(arguments, environment);
        return await process.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>Starts a long-running verb (<c>run</c>); the caller waits for its output and stops it.</summary>
    public static Running Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        Running.Start(arguments, environment);

    /// <summary>Writes a temporary file that is deleted with the returned handle.</summary>
    public static TempFile WriteTemp(string content, string extension = ".json") => new(content, extension);

    internal sealed class TempFile : IDisposable
    {
        public TempFile(string content, string extension)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"gateway-{Guid.NewGuid():N}{extension}");
            File.WriteAllText(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }

    /// <summary>A started Gateway.Host process.</summary>
    internal sealed class Running : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _stdout = new();
        private readonly StringBuilder _stderr = new();
        private readonly string _command;

        private Running(Process process, string command)
        {
            _process = process;
            _command = command;
            _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
            _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public int Id => _process.Id;

        public string StdOut => Read(_stdout);

        public string StdErr => Read(_stderr);

        public static Running Start(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gateway.Host.dll"));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // The child reads only what the test gives it: no environment or OTLP settings of the machine running the tests.
            start.Environment.Remove("DOTNET_ENVIRONMENT");
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Gateway__", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment[TestAssemblySetup.UsageTelemetryVariable] = "false";
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            return new Running(Process.Start(start)!, string.Join(' ', arguments));
        }

        /// <summary>Waits (bounded) until stdout or stderr contains <paramref name="text"/>.</summary>
        public async Task WaitForOutputAsync(string text, TimeSpan timeout)
        {
            var deadline = Stopwatch.StartNew();
            while (!(StdOut + StdErr).Contains(text, StringComparison.Ordinal))
            {
                if (_process.HasExited || deadline.Elapsed > timeout)
                {
                    throw new TimeoutException($"Gateway.Host {_command}: no '{text}' (exited: {_process.HasExited}); stdout: {StdOut}; stderr: {StdErr}");
                }

                await Task.Delay(100);
            }
        }

        /// <summary>Asks the process to stop as an orchestrator would (SIGTERM to its PID) and waits (bounded) for it to exit.</summary>
        public async Task<(int ExitCode, string StdOut, string StdErr)> StopAsync(TimeSpan timeout)
        {
            if (!_process.HasExited)
            {
                using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
                await kill.WaitForExitAsync();
            }

            return await WaitForExitAsync(timeout);
        }

        public async Task<(int ExitCode, string StdOut, string StdErr)> WaitForExitAsync(TimeSpan timeout)
        {
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Gateway.Host {_command} did not finish within {timeout}; stdout: {StdOut}; stderr: {StdErr}");
            }

            // The asynchronous readers finish after the exit; WaitForExit() without a timeout waits for them.
            _process.WaitForExit();
            return (_process.ExitCode, StdOut, StdErr);
        }

        public ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }

            _process.Dispose();
            return ValueTask.CompletedTask;
        }

        private static void Append(StringBuilder buffer, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (buffer)
            {
                buffer.Append(line).Append('\n');
            }
        }

        private static string Read(StringBuilder buffer)
        {
            lock (buffer)
            {
                return buffer.ToString();
            }
        }
    }
}
