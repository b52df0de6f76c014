using System.Diagnostics;
using Xunit;

namespace Gateway.Testing;

/// <summary>
/// A real RabbitMQ node on 127.0.0.1 for tests. Uses the node the test command started (<c>MG_TEST_RABBITMQ_PORT</c>,
/// set by <c>eng/test.sh</c>); run alone (<c>dotnet test</c>), it starts a private node itself and stops it afterwards.
/// Each test isolates itself in a virtual host of its own.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    private string? _ownDirectory;

    /// <summary>Gets the AMQP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("MG_TEST_RABBITMQ_PORT"), System.Globalization.CultureInfo.InvariantCulture, out var port)
            && Environment.GetEnvironmentVariable("MG_RABBITMQ_DIR") is { Length: > 0 })
        {
            Port = port;
            return;
        }

        _ownDirectory = Path.Combine(Path.GetTempPath(), "mg-rabbitmq-" + Guid.NewGuid().ToString("N")[..8]);
        var output = await RunScriptAsync("start");
        Port = int.Parse(output.Trim().Split('\n')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (_ownDirectory is not null)
        {
            await RunScriptAsync("stop");
        }
    }

    /// <summary>Creates a fresh virtual host (guest has full rights) and returns its name.</summary>
    /// <param name="prefix">A readable prefix, usually the test's name.</param>
    /// <returns>The virtual host name.</returns>
    public async Task<string> CreateVirtualHostAsync(string prefix)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 9, 60)];
        await RunScriptAsync("vhost", name);
        return name;
    }

    private async Task<string> RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryPaths.Combine("eng/rabbitmq.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (_ownDirectory is not null)
        {
            start.Environment["MG_RABBITMQ_DIR"] = _ownDirectory;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"eng/rabbitmq.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}
