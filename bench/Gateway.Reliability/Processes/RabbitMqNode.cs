using System.Globalization;

namespace Gateway.Reliability.Processes;

/// <summary>The suite's private RabbitMQ node, driven through <c>eng/rabbitmq.sh</c> with its own <c>MG_RABBITMQ_DIR</c>.</summary>
internal sealed class RabbitMqNode(string repository, string directory)
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);

    private readonly string _script = Path.Combine(repository, "eng", "rabbitmq.sh");
    private readonly Dictionary<string, string> _environment = new() { ["MG_RABBITMQ_DIR"] = directory };

    public int Port { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken) =>
        Port = int.Parse(await RunAsync(["start"], cancellationToken), CultureInfo.InvariantCulture);

    public Task AddVirtualHostAsync(string name, CancellationToken cancellationToken) => RunAsync(["vhost", name], cancellationToken);

    /// <summary>Graceful stop and start again, data kept.</summary>
    public Task RestartAsync(CancellationToken cancellationToken) => RunAsync(["restart"], cancellationToken);

    /// <summary>SIGKILL of the Erlang VM; the data directory stays.</summary>
    public Task Kill9Async(CancellationToken cancellationToken) => RunAsync(["kill9"], cancellationToken);

    /// <summary>Starts the same node (name, port, data) again.</summary>
    public Task ResumeAsync(CancellationToken cancellationToken) => RunAsync(["resume"], cancellationToken);

    /// <summary>Stops the node and removes its directory.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => RunAsync(["stop"], cancellationToken);

    /// <summary>messages ready, messages unacknowledged and consumers of one queue, or null when it does not exist.</summary>
    public async Task<(long Ready, long Unacknowledged, int Consumers)?> QueueAsync(string virtualHost, string queue, CancellationToken cancellationToken)
    {
        var lines = await RunAsync(["queues", virtualHost], cancellationToken);
        foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 4 && parts[0] == queue)
            {
                return (long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture));
            }
        }

        return null;
    }

    private Task<string> RunAsync(string[] arguments, CancellationToken cancellationToken) =>
        ShellScript.RunAsync(_script, arguments, _environment, ScriptTimeout, cancellationToken);
}
