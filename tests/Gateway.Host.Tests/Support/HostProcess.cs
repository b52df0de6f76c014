using System.Diagnostics;

namespace Gateway.Host.Tests.Support;

/// <summary>Runs the real Gateway.Host binary as a user would, capturing its exit code, stdout and stderr.</summary>
internal static class HostProcess
{
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
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

        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Gateway.Host {string.Join(' ', arguments)} did not finish; stderr: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

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
}
