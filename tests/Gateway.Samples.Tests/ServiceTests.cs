using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.Samples.Tests.Support;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;

namespace Gateway.Samples.Tests;

/// <summary>
/// Running as a systemd service: the worker's notifications (READY=1 once the bus is connected, STOPPING=1 on SIGTERM)
/// through a real notify socket, and the unit file's settings against the worker's own timeouts.
/// </summary>
[Collection(SamplesCollection.Name)]
public sealed class ServiceTests(RabbitMqBroker broker)
{
    private static readonly string UnitFile = RepositoryPaths.Combine("deploy/messaging-gateway.service");

    [Fact]
    public async Task Worker_StartedBySystemd_NotifiesReadyOnceTheBusIsUpAndStoppingOnSigterm()
    {
        // Microsoft.Extensions.Hosting.Systemd takes the process for a systemd service when its parent's name is
        // "systemd": a shell under that name starts the worker, and NOTIFY_SOCKET is a datagram socket of this test.
        var directory = Directory.CreateTempSubdirectory("mg-systemd-");
        try
        {
            var launcher = Path.Combine(directory.FullName, "systemd");
            File.CreateSymbolicLink(launcher, "/bin/bash");
            var socketPath = Path.Combine(directory.FullName, "notify");
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(socketPath));
            var notifications = new ConcurrentQueue<string>();
            using var stopReceiving = new CancellationTokenSource();
            var receiving = ReceiveAsync(socket, notifications, stopReceiving.Token);

            await using var openIm = new OpenImEmulator();
            await openIm.StartAsync();
            var virtualHost = await broker.CreateVirtualHostAsync("samples-systemd");
            await using var worker = await Worker.StartAsync(openIm, broker.Port, virtualHost, new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = socketPath }, launcher);

            await WaitForAsync(notifications, "READY=1", TimeSpan.FromSeconds(90), worker.Process);
            Assert.DoesNotContain("STOPPING=1", notifications);
            // Under systemd the console logs in the journal's format: a <level> prefix per line.
            Assert.Contains(worker.Process.StdOut.Split('\n'), line => line.StartsWith("<6>Microsoft.Hosting.Lifetime", StringComparison.Ordinal));

            var app = Assert.Single(worker.Process.Descendants());
            ChildProcess.Signal("TERM", [app]);
            await WaitForAsync(notifications, "STOPPING=1", TimeSpan.FromSeconds(60), worker.Process);
            await worker.Process.WaitForExitAsync(TimeSpan.FromSeconds(60));
            Assert.True(worker.Process.ExitCode == 0, worker.Process.Output);

            await stopReceiving.CancelAsync();
            await receiving;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void UnitFile_NotifyType_StopTimeoutAboveTheWorkersAndSecretsFromAnEnvironmentFile()
    {
        var unit = Directives(File.ReadAllText(UnitFile));
        var settings = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("src/Gateway.Host/appsettings.json")))!;
        var stopTimeout = TimeSpan.Parse(settings["Messaging"]!["StopTimeout"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var startTimeout = TimeSpan.Parse(settings["Messaging"]!["StartTimeout"]!.GetValue<string>(), CultureInfo.InvariantCulture);

        Assert.Equal("notify", unit["Type"]);
        Assert.Equal("on-failure", unit["Restart"]);
        Assert.Equal("3", unit["RestartPreventExitStatus"]);
        Assert.Equal("/etc/messaging-gateway/secrets.env", unit["EnvironmentFile"]);
        Assert.Equal("messaging-gateway", unit["User"]);
        Assert.Equal("/opt/messaging-gateway", unit["WorkingDirectory"]);
        Assert.Equal("/opt/messaging-gateway/Gateway.Host run --config /etc/messaging-gateway/gateway.json", unit["ExecStart"]);
        Assert.True(TimeSpan.FromSeconds(int.Parse(unit["TimeoutStopSec"], CultureInfo.InvariantCulture)) >= stopTimeout * 1.5, "TimeoutStopSec must leave room above Messaging:StopTimeout");
        Assert.True(TimeSpan.FromSeconds(int.Parse(unit["TimeoutStartSec"], CultureInfo.InvariantCulture)) > startTimeout, "TimeoutStartSec must exceed Messaging:StartTimeout");
    }

    [Fact]
    public void SecretsExample_NamesTheSecretsTheSampleConfigurationsLeaveToTheEnvironment()
    {
        var example = File.ReadAllText(RepositoryPaths.Combine("deploy/secrets.env.example"));

        foreach (var key in new[] { "Gateway__Providers__openim__Secret", "Gateway__Providers__tencent__SecretKey", "RabbitMq__Password" })
        {
            Assert.Matches(new Regex($"^#?{key}=", RegexOptions.Multiline), example);
            Assert.Contains(key, File.ReadAllText(RepositoryPaths.Combine("README.md")), StringComparison.Ordinal);
        }

        // systemd's EnvironmentFile takes KEY=value lines, not shell syntax.
        Assert.DoesNotMatch(new Regex("^export ", RegexOptions.Multiline), example);
    }

    private static Dictionary<string, string> Directives(string unit) =>
        unit.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith('['))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    private static async Task ReceiveAsync(Socket socket, ConcurrentQueue<string> notifications, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var length = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                foreach (var line in Encoding.UTF8.GetString(buffer, 0, length).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    notifications.Enqueue(line);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    }

    private static async Task WaitForAsync(ConcurrentQueue<string> notifications, string expected, TimeSpan timeout, ChildProcess worker)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!notifications.Contains(expected))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no {expected} within {timeout.TotalSeconds:0} s; got [{string.Join(", ", notifications)}]\n{worker.Output}");
            }

            await Task.Delay(100);
        }
    }
}
