using System.Globalization;
using Gateway.Testing;

namespace Gateway.Samples.Tests.Support;

/// <summary>Where things are, and what the samples need from the machine (checked, never skipped).</summary>
internal static class SamplesEnvironment
{
    private static readonly SemaphoreSlim NpmLock = new(1, 1);
    private static Task<string>? _python;
    private static bool _npmInstalled;

    /// <summary>Gets the build configuration folder this test assembly runs from (<c>debug</c> or <c>release</c>).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Name;

    /// <summary>Gets the worker's binary as the solution build left it (with appsettings.json beside it).</summary>
    public static string HostDll { get; } = RepositoryPaths.Combine($"artifacts/bin/Gateway.Host/{Configuration}/Gateway.Host.dll");

    /// <summary>
    /// Variables for the dotnet CLI when a test builds (run, pack, publish): no build servers or compiler server left
    /// running after the test (MSBuild node reuse, the MSBuild server, VBCSCompiler).
    /// </summary>
    public static Dictionary<string, string?> NoBuildServers() => new(StringComparer.Ordinal)
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "false",
        ["UseSharedCompilation"] = "false",
    };

    /// <summary>The AMQP URL of a virtual host on the test broker, as the samples take it (<c>AMQP_URL</c>).</summary>
    public static string AmqpUrl(int port, string virtualHost) =>
        $"amqp://guest:guest@127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/{Uri.EscapeDataString(virtualHost)}";

    /// <summary>
    /// Finds a Python 3 that imports pika: <c>python3</c> on PATH, else Debian's <c>/usr/bin/python3</c> (where
    /// <c>python3-pika</c> installs; a pyenv or venv <c>python3</c> first on PATH does not see it). Fails, naming the
    /// package to install, when there is none.
    /// </summary>
    public static Task<string> PythonAsync() => _python ??= FindPythonAsync();

    /// <summary>Installs the Node sample's locked dependencies (<c>npm ci</c> in samples/node) once per run.</summary>
    public static async Task<string> NodeSampleAsync()
    {
        var directory = RepositoryPaths.Combine("samples/node");
        await NpmLock.WaitAsync();
        try
        {
            if (!_npmInstalled)
            {
                await using var npm = await ChildProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(3), new ProcessOptions { WorkingDirectory = directory });
                Assert.True(npm.ExitCode == 0, $"npm ci in samples/node failed (the npm registry must be reachable):\n{npm.Output}");
                _npmInstalled = true;
            }

            return directory;
        }
        finally
        {
            NpmLock.Release();
        }
    }

    private static async Task<string> FindPythonAsync()
    {
        var tried = new List<string>();
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                await using var probe = await ChildProcess.RunAsync(candidate, ["-c", "import pika; print(pika.__version__)"], TimeSpan.FromSeconds(30));
                if (probe.ExitCode == 0)
                {
                    return candidate;
                }

                tried.Add($"{candidate}: {probe.StdErr.Split('\n').LastOrDefault(l => l.Length > 0)}");
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                tried.Add($"{candidate}: {exception.Message}");
            }
        }

        throw new InvalidOperationException(
            "No Python 3 with pika: install Debian's package (as root: apt-get install -y python3-pika; it installs for /usr/bin/python3). Tried: "
            + string.Join("; ", tried));
    }
}
