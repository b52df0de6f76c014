using Gateway.Reliability.Bus;
using Gateway.Reliability.FakeProvider;
using Gateway.Reliability.Processes;

namespace Gateway.Reliability.Scenarios;

/// <summary>What a fault can act on, and what it records for the targets (in-flight commands at a kill, the provider's return).</summary>
internal sealed class ScenarioContext(
    RabbitMqNode broker,
    RedisNode? redis,
    FakeProviderProcess provider,
    IReadOnlyList<GatewayWorker> workers,
    BrokerMonitor monitor,
    string virtualHost,
    ScenarioLog log,
    TimeProvider time,
    CancellationToken cancellationToken)
{
    /// <summary>How long the broker's queue metrics may lag behind (see <see cref="CrashAsync"/>).</summary>
    private static readonly TimeSpan QueueMetricsRefresh = TimeSpan.FromSeconds(2.5);

    public RabbitMqNode Broker => broker;

    public RedisNode Redis => redis ?? throw new InvalidOperationException("this scenario has no Redis server");

    public FakeProviderProcess Provider => provider;

    public IReadOnlyList<GatewayWorker> Workers => workers;

    public ScenarioLog Log => log;

    public string VirtualHost => virtualHost;

    public TimeProvider Time => time;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Gets the commands unacknowledged on <c>send-message</c> just before the kills (summed over kills).</summary>
    public long InFlightAtKill { get; private set; }

    /// <summary>Gets when the provider came back from its outage (Unix ms); null when it never went away.</summary>
    public long? ProviderReturnedAtUnixMs { get; private set; }

    /// <summary>
    /// A crash of some workers (and, for a host crash, the broker with them): the workers are frozen first (SIGSTOP), the
    /// broker's unacknowledged count on <c>send-message</c> is sampled once its metrics caught up (all workers together:
    /// an upper bound of what the killed ones had in flight), then everything is killed with SIGKILL at once.
    /// </summary>
    public async Task CrashAsync(int[] workerIndexes, bool withBroker)
    {
        foreach (var index in workerIndexes)
        {
            await workers[index].FreezeAsync();
        }

        try
        {
            // A quorum queue (the shipped default) reports messages_unacknowledged from metrics it emits about once a
            // second: half a second after 32 deliveries a probe still read 0. The workers are frozen, so the true count
            // does not change: wait past the metrics' refresh, then take the larger of two samples a second apart.
            await Task.Delay(QueueMetricsRefresh, time, cancellationToken);
            var first = await broker.QueueAsync(virtualHost, Queues.SendMessage, cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            var second = await broker.QueueAsync(virtualHost, Queues.SendMessage, cancellationToken);
            var unacked = Math.Max(first?.Unacknowledged ?? 0, second?.Unacknowledged ?? 0);
            InFlightAtKill += unacked;
            log.Write($"  worker(s) {string.Join(", ", workerIndexes)} frozen; {unacked} commands unacknowledged (in flight)");
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            log.Write("  could not sample in-flight commands: " + exception.Message);
        }

        var kills = workerIndexes.Select(async index =>
        {
            log.Write($"  kill -9 worker {index} (pid {workers[index].Pid})");
            await workers[index].Kill9Async();
        }).ToList();
        if (withBroker)
        {
            log.Write("  kill -9 broker");
            kills.Add(broker.Kill9Async(cancellationToken));
        }

        await Task.WhenAll(kills);
    }

    /// <summary>Starts a worker again and waits until every worker consumes from <c>send-message</c>.</summary>
    public async Task StartWorkerAsync(int index)
    {
        workers[index].Start();
        log.Write($"  started worker {index} again (pid {workers[index].Pid})");
        await WaitForConsumersAsync(workers.Count(w => w.Running), TimeSpan.FromMinutes(2));
    }

    public async Task WaitForConsumersAsync(int expected, TimeSpan timeout)
    {
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < timeout)
        {
            if (await monitor.QueueAsync(Queues.SendMessage, cancellationToken) is { } queue && queue.Consumers >= expected)
            {
                return;
            }

            var dead = workers.FirstOrDefault(w => w.Starts > 0 && !w.Running);
            if (dead is not null && workers.Count(w => w.Running) < expected)
            {
                throw new InvalidOperationException("a worker exited during start-up; see " + dead.LogFile);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
        }

        throw new TimeoutException($"{expected} consumer(s) on {Queues.SendMessage} not seen within {timeout.TotalSeconds:0} s");
    }

    /// <summary>Waits (bounded) until the provider accepted its first send of the run.</summary>
    public async Task WaitForFirstDeliveryAsync(TimeSpan timeout)
    {
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < timeout && (await provider.StatsAsync(cancellationToken)).Deliveries == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
    }

    /// <summary>Puts the provider into <paramref name="mode"/> for <paramref name="duration"/>, then back to normal.</summary>
    public async Task ProviderOutageAsync(FaultMode mode, TimeSpan duration)
    {
        await provider.SetModeAsync(mode, cancellationToken);
        log.Write($"  provider: {FaultModes.Name(mode)} for {duration.TotalSeconds:0} s");
        try
        {
            await Task.Delay(duration, time, cancellationToken);
        }
        finally
        {
            ProviderReturnedAtUnixMs = await provider.SetModeAsync(FaultMode.Normal, CancellationToken.None);
            log.Write("  provider: normal again");
        }
    }
}
