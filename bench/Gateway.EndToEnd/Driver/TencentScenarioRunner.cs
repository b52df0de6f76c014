using System.Diagnostics;
using System.Globalization;
using Gateway.EndToEnd.Cli;
using Gateway.EndToEnd.Provider;
using Gateway.EndToEnd.Wire;
using Gateway.Sandbox.TencentIm;

namespace Gateway.EndToEnd.Driver;

/// <summary>
/// Runs the gateway in one Tencent scenario, against a fresh <see cref="TencentImEmulator"/> (loopback Kestrel in this
/// process, default quotas, every account and group exists) and a fresh virtual host: commands published faster than
/// the quota into the running gateway (tencent-quota, tencent-group) or prefilled (tencent-batch), then the emulator's
/// record read back: the messages it accepted per aligned window, and every quota refusal and other error it answered.
/// The gateway is stopped (killed by its PID) once the measurement is complete; the rest of the backlog goes with the
/// queue.
/// </summary>
internal sealed class TencentScenarioRunner(BenchmarkSettings settings, RabbitMqNode node, int clockTicksPerSecond, string runDirectory)
{
    /// <summary>The group of tencent-group.</summary>
    public const string GroupId = "e2e-group";

    // Past the end of the last measured second, before the gateway is stopped: requests of that second still in flight land.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    /// <summary>Gets the broker version seen by the last run.</summary>
    public string? BrokerVersion { get; private set; }

    public async Task<TencentRunResult> RunAsync(int sequence, int round, ScenarioKind scenario, CancellationToken cancellationToken)
    {
        var tencent = settings.Tencent;
        var name = string.Create(CultureInfo.InvariantCulture, $"{sequence:D2}-{Names.Of(ConsumerKind.Gateway)}-{Names.Of(scenario)}");
        var virtualHost = "e2e-" + name;
        var total = settings.MessagesOf(scenario);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"t{sequence}-");
        var bodies = CreateBodies(scenario, prefix, total, tencent.BatchRecipients);
        var publishedAt = new long[total];

        await using var emulator = new TencentImEmulator(new TencentImEmulatorOptions { RequireKnownAccounts = false, RequireKnownGroups = false });
        await emulator.StartAsync(cancellationToken);
        var options = emulator.Options;
        var (path, api, quota, planned, rate) = scenario switch
        {
            ScenarioKind.TencentQuota => (TencentImEmulator.SendMsgPath, "sendmsg", options.RequestsPerSecond, tencent.QuotaSeconds, tencent.QuotaRate),
            ScenarioKind.TencentBatch => (TencentImEmulator.BatchSendMsgPath, "batchsendmsg", options.BatchRecipientsPerMinute, tencent.BatchMinutes, 0),
            ScenarioKind.TencentGroup => (TencentImEmulator.SendGroupMsgPath, "send_group_msg", options.GroupMessagesPerSecond, tencent.GroupSeconds, tencent.GroupRate),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };
        var result = new TencentRunResult
        {
            Sequence = sequence,
            Round = round,
            Scenario = scenario,
            Quota = quota,
            PlannedWindows = planned,
            Published = total,
            LoadAtStart = LoadAverage.Read(),
        };

        await node.AddVirtualHostAsync(virtualHost, cancellationToken);
        await using var session = await BrokerSession.OpenAsync(node.Port, virtualHost, cancellationToken);
        BrokerVersion = session.ServerVersion;
        await session.DeclareQueueAsync(cancellationToken);
        using var monitorStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var paced = scenario != ScenarioKind.TencentBatch;
            var publishRate = 0d;
            if (!paced)
            {
                var prefill = await CommandPublisher.PrefillAsync(session, bodies, publishedAt, cancellationToken);
                publishRate = total / prefill.TotalSeconds;
                var (ready, _) = await session.InspectQueueAsync(cancellationToken);
                if (ready != total)
                {
                    throw new InvalidOperationException($"prefill left {ready} messages in the queue, expected {total}");
                }
            }

            var publishing = Task.FromResult(TimeSpan.Zero);
            Task<(long Start, long End)>? windowCpu = null;
            bool completed;
            long backlog;
            await using (var process = StartGateway(emulator, name, virtualHost, total))
            {
                var timeout = tencent.TimeoutOf(scenario, settings.RunTimeout);
                var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
                Task target;
                if (paced)
                {
                    await ScenarioRunner.WaitForConsumerAsync(session, process, cancellationToken);
                    publishing = CommandPublisher.PaceAsync(session, bodies, publishedAt, rate, cancellationToken);
                    windowCpu = WindowClosedAsync(emulator, process.Id, tencent.WarmupSeconds, planned, monitorStop.Token);
                    target = windowCpu;
                }
                else
                {
                    target = AllAcceptedAsync(emulator, path, prefix, total, monitorStop.Token);
                }

                completed = await ScenarioRunner.WaitAsync(target, process, publishing, deadline, cancellationToken);
                backlog = (await session.InspectQueueAsync(cancellationToken)).Messages;
            }

            await monitorStop.CancelAsync();
            if (paced)
            {
                // The window may close while the tail of the publishing still runs; it ends within seconds.
                publishRate = total / (await publishing.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken)).TotalSeconds;
            }

            // Answers of requests that were in flight when the gateway was stopped.
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            return Measure(result, emulator, path, api, prefix, completed, windowCpu) with
            {
                BacklogAtEnd = backlog,
                PublishRate = publishRate,
                LoadAtEnd = LoadAverage.Read(),
                Problem = completed ? null : TimedOut(scenario, emulator, path, prefix, total),
            };
        }
        finally
        {
            await monitorStop.CancelAsync();
            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await session.DeleteQueueAsync(cleanup.Token);
            }
            catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.RabbitMQClientException or OperationCanceledException or IOException)
            {
                await Console.Error.WriteLineAsync($"warning: could not delete the queue of {virtualHost}: {exception.Message}");
            }
        }
    }

    // tencent-quota: one user each (user-0 … user-999 in turn); tencent-batch: the same users user-0 … user-(n-1) in
    // every command, one batchsendmsg call each; tencent-group: one group.
    private static byte[][] CreateBodies(ScenarioKind scenario, string prefix, int total, int batchRecipients)
    {
        var bodies = new byte[total][];
        for (var i = 0; i < total; i++)
        {
            var id = prefix + i.ToString(CultureInfo.InvariantCulture);
            bodies[i] = scenario switch
            {
                ScenarioKind.TencentQuota => CommandBodies.ToUsers(id, i % 1000, 1),
                ScenarioKind.TencentBatch => CommandBodies.ToUsers(id, 0, batchRecipients),
                _ => CommandBodies.ToGroup(id, GroupId),
            };
        }

        return bodies;
    }

    /// <summary>
    /// Completes once the measured seconds are over: from the aligned second of the first request, the warm-up and the
    /// measured seconds, plus <see cref="Grace"/>. Samples the gateway's CPU ticks at the window's edges.
    /// </summary>
    private static async Task<(long Start, long End)> WindowClosedAsync(TencentImEmulator emulator, int pid, int warmupSeconds, int seconds, CancellationToken cancellationToken)
    {
        while (emulator.Requests.Count == 0)
        {
            await Task.Delay(20, cancellationToken);
        }

        var first = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        await DelayUntilAsync(DateTimeOffset.FromUnixTimeSeconds(first + warmupSeconds), cancellationToken);
        var start = ProcessStats.CpuTicks(pid);
        await DelayUntilAsync(DateTimeOffset.FromUnixTimeSeconds(first + warmupSeconds + seconds), cancellationToken);
        var end = ProcessStats.CpuTicks(pid);
        await DelayUntilAsync(DateTimeOffset.FromUnixTimeSeconds(first + warmupSeconds + seconds) + Grace, cancellationToken);
        return (start, end);
    }

    /// <summary>Completes once every command has an accepted call (polled once a second).</summary>
    private static async Task AllAcceptedAsync(TencentImEmulator emulator, string path, string prefix, int total, CancellationToken cancellationToken)
    {
        while (TencentJournal.AcceptedCommands(TencentJournal.Read(emulator.Requests.All, path), prefix) < total)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private static async Task DelayUntilAsync(DateTimeOffset moment, CancellationToken cancellationToken)
    {
        var wait = moment - TimeProvider.System.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }

    private static string TimedOut(ScenarioKind scenario, TencentImEmulator emulator, string path, string prefix, int total) =>
        scenario == ScenarioKind.TencentBatch
            ? $"timed out ({TencentJournal.AcceptedCommands(TencentJournal.Read(emulator.Requests.All, path), prefix)} of {total} commands accepted)"
            : $"timed out before the measured seconds were over ({emulator.Requests.Count} requests arrived)";

    private TencentRunResult Measure(TencentRunResult result, TencentImEmulator emulator, string path, string api, string prefix, bool completed, Task<(long Start, long End)>? windowCpu)
    {
        var calls = TencentJournal.Read(emulator.Requests.All, path);
        var rejections = calls.Where(c => c.RateLimited)
            .GroupBy(c => c.Status == 429 ? 429 : c.ErrorCode!.Value)
            .ToDictionary(g => g.Key, g => g.Count());
        var others = calls.Where(c => c.Status != 0 && !c.Accepted && !c.RateLimited).ToList();
        var messages = emulator.Messages.Where(m => string.Equals(m.Api, api, StringComparison.Ordinal)).ToList();
        var accepted = messages
            .Select(m => m.Request["CloudCustomData"]?.GetValue<string>())
            .Where(id => id is not null && id.StartsWith(prefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Count();
        var refusalSeconds = RefusalSeconds(calls, messages, prefix);
        var windows = new List<(long Start, int Accepted)>();
        if (completed && messages.Count > 0)
        {
            if (result.Scenario == ScenarioKind.TencentBatch)
            {
                // Each stored message is one recipient; the full minutes strictly between the first and the last one.
                var perMinute = messages.GroupBy(m => m.MsgTime / 60).ToDictionary(g => g.Key, g => g.Count());
                var firstMinute = perMinute.Keys.Min();
                var lastMinute = perMinute.Keys.Max();
                for (var minute = firstMinute + 1; minute < lastMinute; minute++)
                {
                    windows.Add((minute * 60, perMinute.GetValueOrDefault(minute)));
                }
            }
            else
            {
                var perSecond = messages.GroupBy(m => m.MsgTime).ToDictionary(g => g.Key, g => g.Count());
                var first = perSecond.Keys.Min() + settings.Tencent.WarmupSeconds;
                for (var second = first; second < first + result.PlannedWindows; second++)
                {
                    windows.Add((second, perSecond.GetValueOrDefault(second)));
                }
            }
        }

        var cpu = double.NaN;
        if (windowCpu is { IsCompletedSuccessfully: true } && windows.Count > 0)
        {
            var (start, end) = windowCpu.Result;
            var inWindow = windows.Sum(w => w.Accepted);
            cpu = inWindow == 0 ? double.NaN : (end - start) * 1_000_000d / clockTicksPerSecond / inWindow;
        }

        return result with
        {
            Windows = windows,
            AcceptedCommands = accepted,
            Rejections = rejections,
            EmulatorRejections = emulator.RateLimitRejections,
            OtherErrors = others.Count,
            FirstOtherError = others.Count == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"HTTP {others[0].Status}, ErrorCode {others[0].ErrorCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}"),
            Unanswered = calls.Count(c => c.Status == 0),
            DuplicatesDropped = emulator.DuplicatesDropped,
            CpuMicrosecondsPerCall = cpu,
            RefusalSeconds = refusalSeconds,
        };
    }

    /// <summary>
    /// Places every quota refusal in time without a clock of its own: the journal is in arrival order, so a refusal
    /// happened in (or after) the second of the last accepted call before it. Seconds count from the second of the first
    /// accepted message (-1: before any was accepted).
    /// </summary>
    private static List<long> RefusalSeconds(List<TencentCall> calls, List<TencentImStoredMessage> messages, string prefix)
    {
        var acceptedAt = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (message.Request["CloudCustomData"]?.GetValue<string>() is { } id && id.StartsWith(prefix, StringComparison.Ordinal)
                && (!acceptedAt.TryGetValue(id, out var at) || message.MsgTime < at))
            {
                acceptedAt[id] = message.MsgTime;
            }
        }

        var first = acceptedAt.Count == 0 ? 0 : acceptedAt.Values.Min();
        long? last = null;
        var seconds = new List<long>();
        foreach (var call in calls)
        {
            if (call.Accepted && call.MessageId is { } id && acceptedAt.TryGetValue(id, out var at))
            {
                last = at;
            }
            else if (call.RateLimited)
            {
                seconds.Add(last is { } second ? second - first : -1);
            }
        }

        return seconds;
    }

    private ConsumerProcess StartGateway(TencentImEmulator emulator, string name, string virtualHost, int messages)
    {
        var configPath = Path.Combine(runDirectory, name + ".json");
        var options = emulator.Options;
        GatewayConfiguration.WriteTencent(
            configPath,
            emulator.BaseAddress,
            options.SdkAppId,
            options.AdminIdentifiers.First(),
            node.Port,
            virtualHost,
            settings.PrefetchCount,
            settings.ConcurrentMessageLimit,
            messages,
            settings.GatewaySettings);
        return ConsumerProcess.Start(
            DotnetHost.Path,
            [settings.GatewayDll, "run", "--config", configPath],
            Path.GetDirectoryName(settings.GatewayDll)!,
            Path.Combine(runDirectory, name + ".log"),
            new Dictionary<string, string>(StringComparer.Ordinal) { [GatewayConfiguration.TencentSecretKeyVariable] = options.SecretKey });
    }
}
