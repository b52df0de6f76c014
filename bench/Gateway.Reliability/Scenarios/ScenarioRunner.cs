using System.Globalization;
using System.Text.Json;
using Gateway.Reliability.Audit;
using Gateway.Reliability.Bus;
using Gateway.Reliability.FakeProvider;
using Gateway.Reliability.Hostile;
using Gateway.Reliability.Processes;
using Gateway.Reliability.Reporting;

namespace Gateway.Reliability.Scenarios;

/// <summary>
/// Runs one scenario: a fresh virtual host, fresh provider counts, the workers, the paced publisher, the fault at 40 %
/// of the publishing time, then waits (bounded) until every command is accounted for and the queue is drained, and
/// compares what the provider saw with what was published.
/// </summary>
internal sealed class ScenarioRunner(SuiteEnvironment environment)
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(4);

    public async Task<ScenarioResult> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var time = environment.Time;
        var log = environment.Log;
        var stamp = time.GetUtcNow().ToString("HHmmss", CultureInfo.InvariantCulture);
        var virtualHost = $"rel-{scenario.Id}-{stamp}";
        var directory = Path.Combine(environment.RunDirectory, scenario.Id);
        Directory.CreateDirectory(directory);
        log.Write($"== {scenario.Id}: {scenario.Description} ({(scenario.Hostile ? "its own commands" : environment.Messages + " commands")}, {scenario.Provider}, {scenario.Workers} worker(s))");

        await environment.Broker.ResumeAsync(cancellationToken);
        await environment.Broker.AddVirtualHostAsync(virtualHost, cancellationToken);
        await environment.Provider.ResetAsync(cancellationToken);
        RedisNode? redis = null;
        if (scenario.UsesRedis)
        {
            redis = await environment.RedisAsync(cancellationToken);
            await redis.ResumeAsync(cancellationToken);
            await redis.FlushAsync(cancellationToken);
        }

        var settings = new WorkerSettings
        {
            Name = scenario.Id,
            Provider = scenario.Provider,
            ProviderBaseUrl = environment.Provider.Address.ToString(),
            RabbitMqPort = environment.Broker.Port,
            VirtualHost = virtualHost,
            RedisConnectionString = redis?.ConnectionString,
            Trace = environment.Audit,
        };
        var configFile = Path.Combine(directory, "gateway.json");
        await File.WriteAllTextAsync(configFile, GatewayConfiguration.Create(settings).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        // The audit scrapes every worker's /metrics, so each gets a fixed free port (Diagnostics:Port=0 would hide it).
        var diagnosticsPorts = Enumerable.Range(0, scenario.Workers).Select(_ => environment.Audit ? AuditRun.FreePort() : (int?)null).ToArray();
        var workers = Enumerable.Range(0, scenario.Workers)
            .Select(i => new GatewayWorker(environment.HostDll, configFile, GatewayConfiguration.Environment(settings, diagnosticsPorts[i]), Path.Combine(directory, $"worker-{i}.log")))
            .ToArray();
        var scrapes = new Dictionary<int, string>();
        await using var monitor = new BrokerMonitor(environment.Broker.Port, virtualHost);
        var context = new ScenarioContext(environment.Broker, redis, environment.Provider, workers, monitor, virtualHost, log, time, cancellationToken);
        var plan = MessagePlan.Create($"{scenario.Id}-{stamp}", environment.Messages, scenario.RejectedFraction);
        var publisher = new CommandPublisher(environment.Broker.Port, virtualHost, time, log);
        var failures = new List<string>();
        var notes = new List<string>();
        long publishStarted = 0;
        TimeSpan? accountedAfter = null;
        HostileRun? hostile = null;
        try
        {
            foreach (var worker in workers)
            {
                worker.Start();
            }

            await context.WaitForConsumersAsync(workers.Length, TimeSpan.FromMinutes(2));
            await monitor.BindOutcomesAsync(cancellationToken);
            if (scenario.Hostile)
            {
                publishStarted = time.GetTimestamp();
                hostile = await RunHostileAsync(scenario, virtualHost, monitor, workers[0], cancellationToken);
            }
            else
            {
                log.Write($"  {workers.Length} worker(s) consuming; publishing {plan.Count} commands over {environment.PublishDuration.TotalSeconds:0} s");
                publishStarted = time.GetTimestamp();
                var publishing = publisher.PublishAsync(plan, environment.PublishDuration, cancellationToken);
                var fault = InjectAsync(scenario, context, environment.PublishDuration * 0.4);
                await Task.WhenAll(publishing, fault);
                log.Write($"  published {publisher.Confirmed} (confirmed), {publisher.Republished} republished after an unconfirmed try");

                accountedAfter = await SettleAsync(scenario, context, monitor, plan, publishStarted, cancellationToken);
                if (accountedAfter is null)
                {
                    failures.Add($"not every command was accounted for within {scenario.SettleTimeout.TotalMinutes:0} min after publishing ended");
                }
            }

            if (environment.Audit)
            {
                for (var i = 0; i < workers.Length; i++)
                {
                    if (workers[i].Running && await AuditRun.ScrapeAsync(diagnosticsPorts[i]!.Value, log, cancellationToken) is { } scrape)
                    {
                        scrapes[i] = scrape;
                        await File.WriteAllTextAsync(Path.Combine(directory, $"metrics-{i}.txt"), scrape, cancellationToken);
                    }
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failures.Add("the run broke off: " + exception.GetType().Name + ": " + exception.Message.Split('\n')[0]);
            log.Write("  " + failures[^1]);
        }
        finally
        {
            log.Write("  stopping workers");
            await Task.WhenAll(workers.Select(w => w.DisposeAsync().AsTask()));
            // Leave the environment whole for the next scenario, whatever the fault did.
            await environment.Provider.SetModeAsync(FaultMode.Normal, CancellationToken.None);
            await environment.Broker.ResumeAsync(CancellationToken.None);
            if (redis is not null)
            {
                await redis.ResumeAsync(CancellationToken.None);
            }
        }

        // The outcome and error queues are durable: read what is left after the workers stopped.
        for (var i = 0; i < 10 && !await monitor.CollectAsync(cancellationToken); i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        }

        var stats = await environment.Provider.StatsAsync(cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "provider-stats.json"), JsonSerializer.Serialize(stats, FakeProviderServer.StatsJson), cancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(directory, "error-queue-ids.txt"), monitor.ErrorQueueIds.Order(StringComparer.Ordinal), cancellationToken);
        var wall = accountedAfter ?? (publishStarted == 0 ? TimeSpan.Zero : time.GetElapsedTime(publishStarted));
        if (environment.Audit)
        {
            AuditRun.Scan(await environment.Provider.CredentialsAsync(cancellationToken), configFile, workers, monitor, scrapes, directory, failures, notes);
        }
        if (scenario.Hostile)
        {
            var skipped = await monitor.QueueAsync(Queues.SendMessageSkipped, cancellationToken);
            return HostileEvaluation.Evaluate(scenario, hostile?.Results ?? [], hostile?.Planned ?? 0, hostile?.Idle, hostile?.After, stats, skipped, workers[0], hostile?.WorkerRanThrough ?? false, hostile?.Wall ?? wall, failures, notes);
        }

        var redisKeys = redis is null ? (long?)null : await redis.KeyCountAsync(cancellationToken);
        return Evaluate(scenario, context, plan, publisher, monitor, stats, wall, redisKeys, failures, notes, workers);
    }

    /// <summary>The hostile commands one at a time, the valid one after them, the worker's memory before and after, and the queue drained.</summary>
    private async Task<HostileRun> RunHostileAsync(Scenario scenario, string virtualHost, BrokerMonitor monitor, GatewayWorker worker, CancellationToken cancellationToken)
    {
        var time = environment.Time;
        var prefix = $"{scenario.Id}-{time.GetUtcNow().ToString("HHmmss", CultureInfo.InvariantCulture)}";
        var cases = HostileCatalog.Create(prefix);
        IReadOnlyList<HostileCase> all = [.. cases, HostileCatalog.Good(prefix, cases.Count + 1)];
        var idle = worker.Pid is { } pid ? ProcessMemory.Read(pid) : null;
        environment.Log.Write($"  worker consuming ({idle?.RssMiB ?? 0:0} MiB resident); {cases.Count} hostile commands one at a time, then a valid one");
        var started = time.GetTimestamp();
        var results = await new HostileRunner(environment.Broker.Port, virtualHost, monitor, environment.Log, time).RunAsync(all, worker, cancellationToken);
        var wall = time.GetElapsedTime(started);

        // Whatever is left must drain (bounded): nothing ready or unacknowledged on send-message.
        for (var i = 0; i < 30; i++)
        {
            if (await environment.Broker.QueueAsync(virtualHost, Queues.SendMessage, cancellationToken) is { Ready: 0, Unacknowledged: 0 })
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        }

        var after = worker.Pid is { } running ? ProcessMemory.Read(running) : null;
        return new HostileRun(results, all.Count, idle, after, wall, worker.Running);
    }

    private sealed record HostileRun(IReadOnlyList<HostileCaseResult> Results, int Planned, ProcessMemory? Idle, ProcessMemory? After, TimeSpan Wall, bool WorkerRanThrough);

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static async Task InjectAsync(Scenario scenario, ScenarioContext context, TimeSpan after)
    {
        await Task.Delay(after, context.Time, context.CancellationToken);
        context.Log.Write("  fault:");
        await scenario.Fault(context);
    }

    /// <summary>Waits until every command is accounted for, then until the queue is empty and nothing moved for a while; returns when all were first accounted for.</summary>
    private async Task<TimeSpan?> SettleAsync(Scenario scenario, ScenarioContext context, BrokerMonitor monitor, IReadOnlyList<PlannedMessage> plan, long publishStarted, CancellationToken cancellationToken)
    {
        var time = environment.Time;
        var started = time.GetTimestamp();
        TimeSpan? accounted = null;
        long lastDeliveries = -1;
        var quietSince = time.GetTimestamp();
        var lastReport = time.GetTimestamp();
        while (time.GetElapsedTime(started) < scenario.SettleTimeout)
        {
            await monitor.CollectAsync(cancellationToken);
            var stats = await environment.Provider.StatsAsync(cancellationToken);
            if (stats.Deliveries != lastDeliveries)
            {
                lastDeliveries = stats.Deliveries;
                quietSince = time.GetTimestamp();
            }

            var open = plan.Count(m => !Accounted(m, stats, monitor));
            if (open == 0 && accounted is null)
            {
                accounted = time.GetElapsedTime(publishStarted);
                context.Log.Write($"  every command accounted for after {accounted.Value.TotalSeconds:0.0} s; waiting for the queue to drain");
            }

            if (time.GetElapsedTime(lastReport) > TimeSpan.FromSeconds(30))
            {
                lastReport = time.GetTimestamp();
                context.Log.Write($"  waiting: {open} commands not accounted for yet, {stats.Deliveries} deliveries, provider {stats.Mode}");
            }

            if (open == 0 && time.GetElapsedTime(quietSince) >= QuietPeriod
                && await monitor.QueueAsync(Queues.SendMessage, cancellationToken) is { Ready: 0 }
                && await environment.Broker.QueueAsync(context.VirtualHost, Queues.SendMessage, cancellationToken) is { Ready: 0, Unacknowledged: 0 })
            {
                return accounted;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        }

        return accounted;
    }

    private static bool Accounted(PlannedMessage message, ProviderStats stats, BrokerMonitor monitor) => message.Kind switch
    {
        CommandKind.Valid => stats.Messages.ContainsKey(message.MessageId) || monitor.ErrorQueueIds.Contains(message.MessageId),
        CommandKind.Invalid => monitor.FailedEvents.ContainsKey(message.MessageId) || monitor.ErrorQueueIds.Contains(message.MessageId),
        _ => monitor.ErrorQueueIds.Contains(message.MessageId),
    };

    private static ScenarioResult Evaluate(
        Scenario scenario,
        ScenarioContext context,
        IReadOnlyList<PlannedMessage> plan,
        CommandPublisher publisher,
        BrokerMonitor monitor,
        ProviderStats stats,
        TimeSpan wall,
        long? redisKeys,
        List<string> failures,
        List<string> notes,
        IReadOnlyList<GatewayWorker> workers)
    {
        var c = CultureInfo.InvariantCulture;
        var valid = plan.Where(m => m.Kind == CommandKind.Valid).ToArray();
        var rejectedKinds = plan.Where(m => m.Kind != CommandKind.Valid).ToArray();
        var delivered = valid.Count(m => stats.Messages.ContainsKey(m.MessageId));
        var validInError = valid.Count(m => monitor.ErrorQueueIds.Contains(m.MessageId));
        var lost = plan.Count(m => !Accounted(m, stats, monitor));
        var rejected = rejectedKinds.Count(m => Accounted(m, stats, monitor));
        var sentWrongly = rejectedKinds.Count(m => stats.Messages.ContainsKey(m.MessageId));
        var inPlan = plan.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        var perMessage = stats.Messages.Where(p => inPlan.Contains(p.Key)).ToArray();
        var duplicated = perMessage.Sum(p => Math.Max(0, p.Value.Deliveries - 1));
        double? afterReturn = context.ProviderReturnedAtUnixMs is { } back
            ? Math.Max(0, stats.LastDeliveryUnixMs - back) / 1000.0
            : null;

        if (publisher.Confirmed < plan.Count)
        {
            failures.Add($"only {publisher.Confirmed} of {plan.Count} commands were confirmed by the broker");
        }

        if (lost > 0)
        {
            var examples = string.Join(", ", plan.Where(m => !Accounted(m, stats, monitor)).Take(5).Select(m => m.MessageId + " (" + m.Kind + ")"));
            failures.Add(string.Create(c, $"{lost} lost (e.g. {examples})"));
        }

        if (sentWrongly > 0)
        {
            failures.Add(string.Create(c, $"{sentWrongly} invalid or malformed commands reached the provider"));
        }

        string limit;
        switch (scenario.Duplicates)
        {
            case DuplicateTarget.Zero:
                limit = "0";
                if (duplicated > 0)
                {
                    failures.Add(string.Create(c, $"{duplicated} duplicates (target 0)"));
                }

                break;
            case DuplicateTarget.InFlightAtKill:
                var allowed = scenario.Provider == GatewayConfiguration.Tencent ? 0 : context.InFlightAtKill;
                limit = scenario.Provider == GatewayConfiguration.Tencent ? "0 (Tencent dedup)" : string.Create(c, $"≤ {allowed} in flight");
                if (duplicated > allowed)
                {
                    failures.Add(string.Create(c, $"{duplicated} duplicates (target ≤ {allowed}: {(allowed == 0 ? "Tencent dedups redeliveries" : "the commands in flight at the kill")})"));
                }

                break;
            case DuplicateTarget.OneExtraPerBusAttempt:
                limit = "≤ 1 per bus attempt";
                var over = perMessage.Where(p => p.Value.Deliveries - 1 > p.Value.Calls).ToArray();
                if (over.Length > 0)
                {
                    failures.Add(string.Create(c, $"{over.Length} commands were sent more than once per bus attempt (e.g. {over[0].Key}: {over[0].Value.Deliveries} deliveries over {over[0].Value.Calls} gateway calls)"));
                }

                break;
            default:
                limit = "not a target";
                break;
        }

        if (scenario.RequiresCredentialRejection && (scenario.Provider == GatewayConfiguration.Tencent ? stats.UserSigRejections : stats.TokenRejections) == 0)
        {
            failures.Add("no credential was rejected: the switch came after the last send, so the refresh was not exercised (more --messages)");
        }

        if (scenario.UsesRedis && redisKeys == 0)
        {
            failures.Add("the Redis store is not in use: Redis holds no keys after the run (Gateway:Idempotency:Store=Redis not implemented yet?)");
        }

        if (perMessage.Length > 0)
        {
            var maxPerCall = perMessage.Max(p => p.Value.MaxDeliveriesPerCall);
            var resent = perMessage.Count(p => p.Value.MaxDeliveriesPerCall > 1);
            if (resent > 0)
            {
                notes.Add(string.Create(c, $"{resent} commands were accepted more than once within one gateway call (HTTP-handler resends; at most {maxPerCall} under one call)"));
            }
        }

        notes.Add(string.Create(c, $"provider: {stats.Requests} requests, {stats.Faulted} answered with a fault, {stats.Deliveries} accepted sends, {stats.TokensIssued} admin tokens issued, {stats.TokenRejections} token and {stats.UserSigRejections} UserSig rejections, {stats.TencentDeduplicated} Tencent dedup hits"));
        notes.Add(string.Create(c, $"events: {monitor.SentEvents.Count} MessageSent ({monitor.DuplicateSentEvents} with duplicate=true), {monitor.FailedEvents.Count} MessageSendFailed ({string.Join(", ", monitor.FailedEvents.Values.GroupBy(v => v).Select(g => g.Key + " " + g.Count()))})"));
        if (validInError > 0)
        {
            notes.Add(string.Create(c, $"{validInError} valid commands ended in send-message_error (not lost: re-publishable)"));
        }

        if (publisher.Republished > 0)
        {
            notes.Add(string.Create(c, $"{publisher.Republished} commands were published again after an unconfirmed try (the queue may hold them twice; the gateway's idempotency record should absorb that)"));
        }

        if (scenario.Duplicates == DuplicateTarget.InFlightAtKill)
        {
            notes.Add(string.Create(c, $"in flight at the kill: {context.InFlightAtKill} commands unacknowledged on send-message"));
        }

        if (redisKeys is { } keys)
        {
            notes.Add(string.Create(c, $"Redis keys after the run: {keys}"));
        }

        var logText = string.Concat(workers.Where(w => File.Exists(w.LogFile)).Select(w => File.ReadAllText(w.LogFile)));
        var transportFaults = CountOf(logText, "T-FAULT");
        var receiveFaults = CountOf(logText, "R-FAULT");
        if (transportFaults + receiveFaults > 0)
        {
            notes.Add(string.Create(c, $"worker logs: {transportFaults} T-FAULT (a consume ended by an exception or a cancellation, e.g. when the broker connection closed), {receiveFaults} R-FAULT (moved to the error queue without a consumer, e.g. malformed JSON)"));
        }

        notes.Add("worker logs: " + string.Join(", ", workers.Select(w => Path.GetRelativePath(Directory.GetCurrentDirectory(), w.LogFile))));
        return new ScenarioResult
        {
            Id = scenario.Id,
            Description = scenario.Description,
            Provider = scenario.Provider,
            Workers = scenario.Workers,
            Published = publisher.Confirmed,
            Delivered = delivered,
            Lost = lost,
            Duplicated = duplicated,
            InErrorQueue = plan.Count(m => monitor.ErrorQueueIds.Contains(m.MessageId)),
            Rejected = rejected,
            WallTime = wall,
            LastDeliveryAfterReturn = afterReturn,
            DuplicateLimit = limit,
            Failures = failures,
            Notes = notes,
        };
    }
}
