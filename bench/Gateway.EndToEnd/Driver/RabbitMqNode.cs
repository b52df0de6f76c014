namespace Gateway.EndToEnd.Driver;

/// <summary>
/// The private RabbitMQ node <c>eng/rabbitmq.sh start</c> runs (bench/e2e.sh starts and stops it; its state directory is
/// <c>MG_RABBITMQ_DIR</c>, inherited from the environment). Each run gets a fresh virtual host through the same script.
/// </summary>
internal sealed class RabbitMqNode(string repositoryRoot, int port)
{
    public int Port => port;

    /// <summary>Gets the OS process id of the node (the Erlang VM), from <c>$MG_RABBITMQ_DIR/node.pid</c>, if known.</summary>
    /// <returns>The PID, or <see langword="null"/>.</returns>
    public static int? ProcessId()
    {
        var directory = Environment.GetEnvironmentVariable("MG_RABBITMQ_DIR");
        var pidFile = directory is null ? null : Path.Combine(directory, "node.pid");
        return pidFile is not null && File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var pid) && Directory.Exists($"/proc/{pid}")
            ? pid
            : null;
    }

    /// <summary>Adds a virtual host with full rights for <c>guest</c> (<c>eng/rabbitmq.sh vhost NAME</c>).</summary>
    /// <param name="name">The virtual host.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task completed when the virtual host exists.</returns>
    public Task AddVirtualHostAsync(string name, CancellationToken cancellationToken) =>
        ToolProcess.RunAsync("bash", [Path.Combine(repositoryRoot, "eng", "rabbitmq.sh"), "vhost", name], repositoryRoot, TimeSpan.FromSeconds(60), cancellationToken);
}
