using System.Globalization;
using Gateway.Reliability.FakeProvider;
using Gateway.Reliability.Processes;
using Gateway.Reliability.Reporting;
using Gateway.Reliability.Scenarios;

namespace Gateway.Reliability.Hostile;

/// <summary>Turns a hostile run into the scenario's result: its targets, a table per class and a line per command.</summary>
internal static class HostileEvaluation
{
    /// <summary>
    /// The bound on the worker's peak resident memory (VmHWM), MiB. Measured on the 2-core development machine: about
    /// 90 MiB idle (runtime, ASP.NET Core, MassTransit, OpenTelemetry), 210–222 MiB at the end of the run, most of the
    /// growth garbage in the large-object heap that only a full collection frees (the 10 MiB bodies as the RabbitMQ
    /// client received them and as MassTransit copied them to the error queue; the 1.3 MiB command to 10,000
    /// recipients as a JSON tree, 10,000 strings, 10,000 validation failures and its 1.8 MB failure event). The
    /// commands go one at a time, so no two bodies are in the worker at once. Before Messaging:MaxCommandBytes the same
    /// run peaked at 275 MiB (the 10 MiB text parsed, validated and serialized again to be measured); 256 MiB
    /// separates a worker that refuses what it must not read from one that reads it, with 15 % room over the
    /// measured peak for the collector's timing.
    /// </summary>
    public const int PeakRssLimitMiB = 256;

    public static ScenarioResult Evaluate(
        Scenario scenario,
        IReadOnlyList<HostileCaseResult> results,
        int planned,
        ProcessMemory? idle,
        ProcessMemory? after,
        ProviderStats stats,
        (uint Ready, uint Consumers)? skipped,
        GatewayWorker worker,
        bool workerRanThrough,
        TimeSpan wall,
        List<string> failures,
        List<string> notes)
    {
        var c = CultureInfo.InvariantCulture;
        var good = results.LastOrDefault(r => r.Case.Class == "good");
        var hostile = results.Where(r => r.Case.Class != "good").ToArray();
        if (results.Count < planned)
        {
            failures.Add(string.Create(c, $"only {results.Count} of {planned} commands were run (the worker exited?)"));
        }

        var missed = results.Where(r => !r.Passed).ToArray();
        if (missed.Length > 0)
        {
            failures.Add(string.Create(c, $"{missed.Length} commands did not get the outcome they must get: {string.Join(", ", missed.Take(8).Select(m => "#" + m.Case.Number.ToString(c)))}{(missed.Length > 8 ? ", ..." : string.Empty)} (table below)"));
        }

        if (good is not { Outcome: HostileOutcomeKind.Sent } || !stats.Messages.ContainsKey(good.Case.MessageId!))
        {
            failures.Add("the valid command after the hostile ones was not delivered: the worker stopped consuming");
        }

        var wrongly = stats.Messages.Keys.Where(k => k != good?.Case.MessageId).ToArray();
        if (wrongly.Length > 0)
        {
            failures.Add(string.Create(c, $"{wrongly.Length} hostile commands reached the provider (e.g. {HostileRunner.Cut(wrongly[0], 60)})"));
        }

        if (skipped is { Ready: > 0 } s)
        {
            failures.Add(string.Create(c, $"{s.Ready} messages in send-message_skipped: consumed by nobody, with no reason and no event (lost)"));
        }

        if (worker.Starts != 1 || !workerRanThrough)
        {
            failures.Add("the worker exited during the run; see " + worker.LogFile);
        }

        if (after is { } memory)
        {
            notes.Add(string.Create(c, $"worker memory: {idle?.RssMiB ?? 0:0} MiB resident when idle before the first command (peak so far {idle?.PeakRssMiB ?? 0:0} MiB), {memory.RssMiB:0} MiB after the last, peak (VmHWM) {memory.PeakRssMiB:0} MiB; bound {PeakRssLimitMiB} MiB"));
            if (memory.PeakRssMiB > PeakRssLimitMiB)
            {
                failures.Add(string.Create(c, $"the worker's peak resident memory (VmHWM) was {memory.PeakRssMiB:0} MiB, over the {PeakRssLimitMiB} MiB bound"));
            }
        }
        else
        {
            failures.Add("the worker's memory could not be read from /proc/PID/status");
        }

        notes.Add(string.Create(c, $"{hostile.Length} hostile commands: {hostile.Count(r => r.Outcome == HostileOutcomeKind.Failed)} answered with MessageSendFailed, {hostile.Count(r => r.Outcome == HostileOutcomeKind.ErrorQueue)} moved to send-message_error, {hostile.Count(r => r.Outcome == HostileOutcomeKind.None)} without an outcome; slowest outcome {results.Max(r => r.Elapsed.TotalSeconds):0.00} s"));
        notes.Add(string.Create(c, $"provider: {stats.Requests} requests, {stats.Deliveries} accepted sends"));
        notes.Add("worker log: " + Path.GetRelativePath(Directory.GetCurrentDirectory(), worker.LogFile));

        var details = new List<string>
        {
            "| class | commands | MessageSendFailed | send-message_error | sent | no outcome | as required |",
            "|---|---:|---:|---:|---:|---:|---:|",
        };
        foreach (var group in results.GroupBy(r => r.Case.Class))
        {
            details.Add(string.Create(c, $"| {group.Key} | {group.Count()} | {group.Count(r => r.Outcome == HostileOutcomeKind.Failed)} | {group.Count(r => r.Outcome == HostileOutcomeKind.ErrorQueue)} | {group.Count(r => r.Outcome == HostileOutcomeKind.Sent)} | {group.Count(r => r.Outcome == HostileOutcomeKind.None)} | {group.Count(r => r.Passed)} |"));
        }

        details.Add(string.Empty);
        details.Add("| # | class | command | bytes | required | outcome | reason (MT-Fault-Message) or error.details | s | RSS MiB | result |");
        details.Add("|---:|---|---|---:|---|---|---|---:|---:|---|");
        foreach (var r in results)
        {
            var verdict = r.Passed ? "pass" : "**MISSED**: " + Escape(r.Miss!);
            details.Add(string.Create(c, $"| {r.Case.Number} | {r.Case.Class} | {Escape(r.Case.Name)} | {r.Case.Body.Length} | {Escape(r.Case.Expected.ToString())} | {r.Outcome} | {Escape(HostileRunner.Cut(r.Observed, 160))} | {r.Elapsed.TotalSeconds:0.00} | {r.RssMiB:0} | {verdict} |"));
        }

        return new ScenarioResult
        {
            Id = scenario.Id,
            Description = scenario.Description,
            Provider = scenario.Provider,
            Workers = scenario.Workers,
            Published = results.Count,
            Delivered = good is { Outcome: HostileOutcomeKind.Sent } ? 1 : 0,
            Lost = results.Count(r => r.Outcome == HostileOutcomeKind.None),
            Duplicated = (int)Math.Max(0, stats.Deliveries - 1),
            InErrorQueue = hostile.Count(r => r.Outcome == HostileOutcomeKind.ErrorQueue),
            Rejected = hostile.Count(r => r.Outcome is HostileOutcomeKind.Failed or HostileOutcomeKind.ErrorQueue),
            WallTime = wall,
            DuplicateLimit = "0",
            Failures = failures,
            Notes = notes,
            Details = details,
        };
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
}
