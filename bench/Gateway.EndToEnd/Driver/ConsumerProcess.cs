using System.Diagnostics;

namespace Gateway.EndToEnd.Driver;

/// <summary>
/// One consumer under test as a child process: its output goes to a log file (the last lines are kept for error
/// messages), and disposing it kills it by its PID (with its children) if it is still running.
/// </summary>
internal sealed class ConsumerProcess : IAsyncDisposable
{
    // Variables that would override the generated configuration of the gateway (environment wins over files there).
    private static readonly string[] ScrubbedPrefixes = ["Gateway__", "Messaging__", "RabbitMq__", "Logging__", "Diagnostics__"];
    private static readonly string[] ScrubbedNames = ["DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT"];

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();

    private ConsumerProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
        Id = process.Id;
        StartedAt = Stopwatch.GetTimestamp();
        Exited = process.WaitForExitAsync();
    }

    /// <summary>Gets the process id.</summary>
    public int Id { get; }

    /// <summary>Gets when it was started (Stopwatch ticks).</summary>
    public long StartedAt { get; }

    /// <summary>Gets a task that completes when the process exits.</summary>
    public Task Exited { get; }

    /// <summary>Starts a consumer.</summary>
    /// <param name="fileName">The program (the dotnet host).</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="workingDirectory">Its working directory.</param>
    /// <param name="logPath">Where its standard output and error go.</param>
    /// <param name="environment">Variables set for it after the scrubbing (for example a key kept out of the generated file); neither logged nor written anywhere.</param>
    /// <returns>The running process.</returns>
    public static ConsumerProcess Start(string fileName, IReadOnlyList<string> arguments, string workingDirectory, string logPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var key in info.Environment.Keys.ToArray())
        {
            if (ScrubbedNames.Contains(key, StringComparer.Ordinal) || ScrubbedPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                info.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        log.WriteLine($"$ {fileName} {string.Join(' ', arguments)}");
        var process = Process.Start(info);
        if (process is null)
        {
            log.Dispose();
            throw new InvalidOperationException($"could not start {fileName}");
        }

        var consumer = new ConsumerProcess(process, log);
        process.OutputDataReceived += (_, e) => consumer.Append(e.Data);
        process.ErrorDataReceived += (_, e) => consumer.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return consumer;
    }

    /// <summary>Gets the last lines the process printed.</summary>
    /// <returns>Up to 15 lines.</returns>
    public string Tail()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _tail);
        }
    }

    /// <summary>Describes why the process is gone.</summary>
    /// <returns>Exit code and last output.</returns>
    public string ExitDescription() =>
        $"the consumer process {Id} exited with code {(_process.HasExited ? _process.ExitCode : -1)}; last output:{Environment.NewLine}{Tail()}";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await Exited.WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            await Console.Error.WriteLineAsync($"warning: process {Id} did not exit within 15 s of being killed");
        }
        finally
        {
            lock (_gate)
            {
                _log.Dispose();
            }

            _process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            if (_tail.Count == 15)
            {
                _tail.Dequeue();
            }

            _tail.Enqueue(line);
            if (_log.BaseStream.CanWrite)
            {
                _log.WriteLine(line);
            }
        }
    }
}
