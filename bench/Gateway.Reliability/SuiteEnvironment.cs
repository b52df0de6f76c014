using Gateway.Reliability.Processes;

namespace Gateway.Reliability;

/// <summary>What every scenario of a run shares: the broker node, the fake provider, Redis (started on first use), paths and sizes.</summary>
internal sealed class SuiteEnvironment(
    string repository,
    string hostDll,
    string runDirectory,
    RabbitMqNode broker,
    FakeProviderProcess provider,
    int messages,
    TimeSpan publishDuration,
    ScenarioLog log,
    TimeProvider time,
    bool audit)
{
    private RedisNode? _redis;

    public string HostDll => hostDll;

    public string RunDirectory => runDirectory;

    public RabbitMqNode Broker => broker;

    public FakeProviderProcess Provider => provider;

    public int Messages => messages;

    public TimeSpan PublishDuration => publishDuration;

    public ScenarioLog Log => log;

    public TimeProvider Time => time;

    /// <summary>Gets a value indicating whether this is the secrets audit (<c>--audit</c>).</summary>
    public bool Audit => audit;

    public RedisNode? StartedRedis => _redis;

    public async Task<RedisNode> RedisAsync(CancellationToken cancellationToken)
    {
        if (_redis is null)
        {
            var redis = new RedisNode(repository, Path.Combine(runDirectory, "redis"));
            await redis.StartAsync(cancellationToken);
            _redis = redis;
            log.Write($"Redis on 127.0.0.1:{redis.Port}");
        }

        return _redis;
    }
}
