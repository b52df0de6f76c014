using System.Diagnostics;
using System.Globalization;
using Gateway.EndToEnd.Cli;
using Gateway.EndToEnd.Provider;
using Gateway.EndToEnd.Wire;

namespace Gateway.EndToEnd.Driver;

/// <summary>
/// Runs one consumer in one scenario: a fresh virtual host, the commands published (prefilled before the consumer
/// starts, or paced into the running consumer), the consumer process measured through <c>/proc</c> across the window
/// (warm-up-th distinct arrival at the provider to the last), then the process killed and the queue deleted.
/// </summary>
internal sealed class ScenarioRunner(BenchmarkSettings settings, FakeOpenImServer provider, RabbitMqNode node, int clockTicksPerSecond, string runDirectory)
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Gets the broker version seen by the last run.</summary>
    public string? BrokerVersion { get; private set; }

    public async Task<RunResult> RunAsync(int sequence, int round, ScenarioKind scenario, ConsumerKind consumer, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{sequence:D2}-{Names.Of(consumer)}-{Names.Of(scenario)}");
        var virtualHost = "e2e-" + name;
        var total = settings.MessagesOf(scenario);
        var warmup = settings.WarmupOf(scenario);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"r{sequence}-");
        var bodies = new byte[total][];
        for (var i = 0; i < total; i++)
        {
            bodies[i] = CommandBodies.Create(prefix + i.ToString(CultureInfo.InvariantCulture));
        }

        var publishedAt = new long[total];
        var log = new ArrivalLog(prefix, total, warmup);
        var result = new RunResult { Sequence = sequence, Round = round, Scenario = scenario, Consumer = consumer, Expected = total };
        var broker = RabbitMqNode.ProcessId();

        await node.AddVirtualHostAsync(virtualHost, cancellationToken);
        await using var session = await BrokerSession.OpenAsync(node.Port, virtualHost, cancellationToken);
        BrokerVersion = session.ServerVersion;
        await session.DeclareQueueAsync(cancellationToken);
        provider.BeginRun(log, scenario == ScenarioKind.SlowProvider ? settings.SlowLatency : TimeSpan.Zero);
        try
        {
            var publishRate = 0d;
            if (scenario != ScenarioKind.Paced)
            {
                var prefill = await CommandPublisher.PrefillAsync(session, bodies, publishedAt, cancellationToken);
                publishRate = total / prefill.TotalSeconds;
                var (ready, _) = await session.InspectQueueAsync(cancellationToken);
                if (ready != total)
                {
                    throw new InvalidOperationException($"prefill left {ready} messages in the queue, expected {total}");
                }
            }

            await using var process = StartConsumer(consumer, name, virtualHost, total);
            var deadline = Stopwatch.GetTimestamp() + (long)(settings.RunTimeout.TotalSeconds * Stopwatch.Frequency);
            var publishing = Task.FromResult(TimeSpan.Zero);
            if (scenario == ScenarioKind.Paced)
            {
                await WaitForConsumerAsync(session, process, cancellationToken);
                publishing = CommandPublisher.PaceAsync(session, bodies, publishedAt, settings.PacedRate, cancellationToken);
            }

            if (!await WaitAsync(log.WarmedUp, process, publishing, deadline, cancellationToken))
            {
                return result with { Distinct = log.Distinct, Duplicates = log.Duplicates, Problem = $"timed out before the warm-up ({log.Distinct} of {total} arrived)" };
            }

            var windowStart = await log.WarmedUp;
            var cpuAtStart = ProcessStats.CpuTicks(process.Id);
            var driverAtStart = ProcessStats.CpuTicks(Environment.ProcessId);
            var brokerAtStart = broker is { } pid ? ProcessStats.CpuTicks(pid) : 0;
            var completed = await WaitAsync(log.Completed, process, publishing, deadline, cancellationToken);
            var windowEnd = completed ? await log.Completed : Stopwatch.GetTimestamp();
            var cpuAtEnd = ProcessStats.CpuTicks(process.Id);
            var driverAtEnd = ProcessStats.CpuTicks(Environment.ProcessId);
            var brokerAtEnd = broker is { } samePid ? ProcessStats.CpuTicks(samePid) : 0;
            var peakRss = ProcessStats.PeakRssKiB(process.Id);
            if (completed && scenario == ScenarioKind.Paced)
            {
                // The last confirm may come back after the consumer already delivered the message.
                publishRate = total / (await publishing.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken)).TotalSeconds;
            }

            var distinct = log.Distinct;
            var window = distinct - warmup;
            var windowSeconds = Stopwatch.GetElapsedTime(windowStart, windowEnd).TotalSeconds;
            var (p50, p99) = Latencies(log, publishedAt, warmup);
            return result with
            {
                Distinct = distinct,
                Duplicates = log.Duplicates,
                WindowMessages = window,
                MessagesPerSecond = window / windowSeconds,
                CpuMicrosecondsPerMessage = Microseconds(cpuAtEnd - cpuAtStart) / window,
                TotalCpuMicrosecondsPerMessage = Microseconds(cpuAtEnd) / distinct,
                PeakRssMiB = peakRss / 1024d,
                DriverCpuMicrosecondsPerMessage = Microseconds(driverAtEnd - driverAtStart) / window,
                BrokerCpuMicrosecondsPerMessage = broker is null ? double.NaN : Microseconds(brokerAtEnd - brokerAtStart) / window,
                P50Milliseconds = p50,
                P99Milliseconds = p99,
                StartupSeconds = Stopwatch.GetElapsedTime(process.StartedAt, FirstArrival(log)).TotalSeconds,
                PublishRate = publishRate,
                Problem = completed ? null : $"timed out after {settings.RunTimeout.TotalSeconds:0} s ({distinct} of {total} arrived)",
            };
        }
        finally
        {
            provider.EndRun();
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await session.DeleteQueueAsync(cleanup.Token);
            }
            catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.RabbitMQClientException or OperationCanceledException or IOException)
            {
                // Never hide the run's own outcome; the virtual host is not reused anyway.
                await Console.Error.WriteLineAsync($"warning: could not delete the queue of {virtualHost}: {exception.Message}");
            }
        }
    }

    /// <summary>Waits for <paramref name="target"/> until the deadline; throws when the consumer exits or publishing fails first.</summary>
    internal static async Task<bool> WaitAsync(Task target, ConsumerProcess process, Task publishing, long deadline, CancellationToken cancellationToken)
    {
        var remaining = TimeSpan.FromSeconds(Math.Max(0, (deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency));
        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(remaining, stopDelay.Token);
        var watched = new List<Task> { target, process.Exited, delay };
        if (!publishing.IsCompleted)
        {
            watched.Add(publishing);
        }

        try
        {
            // At most two rounds: a finished publisher is checked (its fault rethrown) and dropped.
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var finished = await Task.WhenAny(watched);
                if (finished == target)
                {
                    return true;
                }

                if (finished == publishing)
                {
                    await publishing;
                    watched.Remove(publishing);
                    continue;
                }

                if (finished == process.Exited)
                {
                    throw new InvalidOperationException(process.ExitDescription());
                }

                cancellationToken.ThrowIfCancellationRequested();
                return target.IsCompleted;
            }

            return target.IsCompleted;
        }
        finally
        {
            await stopDelay.CancelAsync();
        }
    }

    /// <summary>Waits (at most 60 s) until the consumer is registered on the queue.</summary>
    internal static async Task WaitForConsumerAsync(BrokerSession session, ConsumerProcess process, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < ReadyTimeout)
        {
            if (process.Exited.IsCompleted)
            {
                throw new InvalidOperationException(process.ExitDescription());
            }

            var (_, consumers) = await session.InspectQueueAsync(cancellationToken);
            if (consumers > 0)
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"no consumer on the queue within {ReadyTimeout.TotalSeconds:0} s; last output:{Environment.NewLine}{process.Tail()}");
    }

    private static (double P50, double P99) Latencies(ArrivalLog log, long[] publishedAt, int warmup)
    {
        var latencies = new List<double>(publishedAt.Length - warmup);
        for (var i = warmup; i < publishedAt.Length; i++)
        {
            var arrival = log.ArrivalOf(i);
            if (arrival != 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(publishedAt[i], arrival).TotalMilliseconds);
            }
        }

        latencies.Sort();
        return latencies.Count == 0 ? (double.NaN, double.NaN) : (Report.Statistics.Percentile(latencies, 0.50), Report.Statistics.Percentile(latencies, 0.99));
    }

    private static long FirstArrival(ArrivalLog log)
    {
        var first = long.MaxValue;
        for (var i = 0; i < log.Count; i++)
        {
            var arrival = log.ArrivalOf(i);
            if (arrival != 0 && arrival < first)
            {
                first = arrival;
            }
        }

        return first;
    }

    private double Microseconds(long ticks) => ticks * 1_000_000d / clockTicksPerSecond;

    private ConsumerProcess StartConsumer(ConsumerKind consumer, string name, string virtualHost, int messages)
    {
        var logPath = Path.Combine(runDirectory, name + ".log");
        var prefetch = settings.PrefetchCount.ToString(CultureInfo.InvariantCulture);
        var concurrency = settings.ConcurrentMessageLimit.ToString(CultureInfo.InvariantCulture);
        if (consumer == ConsumerKind.Gateway)
        {
            var configPath = Path.Combine(runDirectory, name + ".json");
            GatewayConfiguration.Write(configPath, provider.BaseUrl, node.Port, virtualHost, settings.PrefetchCount, settings.ConcurrentMessageLimit, messages, settings.GatewaySettings);
            return ConsumerProcess.Start(DotnetHost.Path, [settings.GatewayDll, "run", "--config", configPath], Path.GetDirectoryName(settings.GatewayDll)!, logPath);
        }

        var self = typeof(ScenarioRunner).Assembly.Location;
        return ConsumerProcess.Start(
            DotnetHost.Path,
            [self, "peer", Names.Of(consumer), "--rabbitmq-port", node.Port.ToString(CultureInfo.InvariantCulture), "--vhost", virtualHost,
                "--provider-url", provider.BaseUrl.ToString(), "--prefetch", prefetch, "--concurrency", concurrency],
            AppContext.BaseDirectory,
            logPath);
    }
}
