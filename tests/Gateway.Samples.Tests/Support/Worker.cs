using System.Text.Json.Nodes;
using Gateway.Sandbox.OpenIm;

namespace Gateway.Samples.Tests.Support;

/// <summary>
/// The real worker as an operator runs it: <c>dotnet Gateway.Host.dll run --config &lt;file&gt;</c>, with one OpenIM
/// provider (the emulator) in the file, its secret and <c>Messaging__Events__Format=Json</c> from the environment, on a
/// virtual host of the test broker.
/// </summary>
internal sealed class Worker : IAsyncDisposable
{
    private readonly string _configFile;

    private Worker(ChildProcess process, string configFile)
    {
        Process = process;
        _configFile = configFile;
    }

    public ChildProcess Process { get; }

    public static async Task<Worker> StartAsync(OpenImEmulator openIm, int port, string virtualHost, IReadOnlyDictionary<string, string?>? environment = null, string? launcher = null)
    {
        Assert.True(File.Exists(SamplesEnvironment.HostDll), $"{SamplesEnvironment.HostDll} is missing: build the solution first");
        var config = new JsonObject
        {
            ["Gateway"] = new JsonObject
            {
                ["Providers"] = new JsonObject
                {
                    ["openim"] = new JsonObject
                    {
                        ["Type"] = "OpenIm",
                        ["BaseUrl"] = openIm.BaseAddress.ToString(),
                        ["AdminUserId"] = openIm.AdminUserIds[0],
                        ["ApiVersion"] = "V3",
                    },
                },
            },
            ["RabbitMq"] = new JsonObject { ["Host"] = "127.0.0.1", ["Port"] = port, ["VirtualHost"] = virtualHost },
        };
        var configFile = Path.Combine(Path.GetTempPath(), $"mg-worker-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(configFile, config.ToJsonString());

        var options = new ProcessOptions
        {
            Environment = new(StringComparer.Ordinal)
            {
                ["Gateway__Providers__openim__Secret"] = openIm.Secret,
                ["Messaging__Events__Format"] = "Json",
            },
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            options.Environment[name] = value;
        }

        var process = launcher is null
            ? ChildProcess.Start("dotnet", [SamplesEnvironment.HostDll, "run", "--config", configFile], options)
            : ChildProcess.Start(launcher, ["-c", "dotnet \"$0\" run --config \"$1\" & wait $!", SamplesEnvironment.HostDll, configFile], options);
        var worker = new Worker(process, configFile);
        if (launcher is null)
        {
            try
            {
                await worker.WaitUntilReadyAsync();
            }
            catch
            {
                await worker.DisposeAsync();
                throw;
            }
        }

        return worker;
    }

    /// <summary>Waits for the host's "Application started" line: the bus is connected and the queues exist by then.</summary>
    public Task WaitUntilReadyAsync() =>
        Process.WaitForLineAsync(line => line.Contains("Application started", StringComparison.Ordinal), TimeSpan.FromSeconds(90));

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        File.Delete(_configFile);
    }
}
