using System.Globalization;

namespace Gateway.Reliability.Processes;

/// <summary>The suite's private Redis server (AOF, appendfsync everysec), driven through <c>eng/redis.sh</c>.</summary>
internal sealed class RedisNode(string repository, string directory)
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);

    private readonly string _script = Path.Combine(repository, "eng", "redis.sh");
    private readonly Dictionary<string, string> _environment = new() { ["MG_REDIS_DIR"] = directory };

    public int Port { get; private set; }

    /// <summary>Gets the StackExchange.Redis configuration string of the server.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port},abortConnect=false");

    public async Task StartAsync(CancellationToken cancellationToken) =>
        Port = int.Parse(await RunAsync(["start"], cancellationToken), CultureInfo.InvariantCulture);

    public Task RestartAsync(CancellationToken cancellationToken) => RunAsync(["restart"], cancellationToken);

    /// <summary>Graceful stop (the AOF is flushed); <see cref="ResumeAsync"/> starts it again with its data.</summary>
    public Task ShutdownAsync(CancellationToken cancellationToken) => RunAsync(["shutdown"], cancellationToken);

    public Task Kill9Async(CancellationToken cancellationToken) => RunAsync(["kill9"], cancellationToken);

    public Task ResumeAsync(CancellationToken cancellationToken) => RunAsync(["resume"], cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => RunAsync(["stop"], cancellationToken);

    public Task FlushAsync(CancellationToken cancellationToken) => RunAsync(["cli", "FLUSHALL"], cancellationToken);

    public async Task<long> KeyCountAsync(CancellationToken cancellationToken) =>
        long.Parse(await RunAsync(["cli", "DBSIZE"], cancellationToken), CultureInfo.InvariantCulture);

    private Task<string> RunAsync(string[] arguments, CancellationToken cancellationToken) =>
        ShellScript.RunAsync(_script, arguments, _environment, ScriptTimeout, cancellationToken);
}
