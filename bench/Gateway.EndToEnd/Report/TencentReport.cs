using System.Globalization;
using System.Text;
using Gateway.EndToEnd.Cli;
using Gateway.EndToEnd.Driver;

namespace Gateway.EndToEnd.Report;

/// <summary>
/// The Tencent part of the report: per scenario, one row per run with what the emulator accepted per aligned window of
/// the measurement (median, min, max, mean, and as % of the quota), the quota refusals and other errors of the whole
/// run, and whether the target was met; then the distribution of the per-window counts.
/// </summary>
internal static class TencentReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Append(StringBuilder text, BenchmarkSettings settings, IReadOnlyList<ScenarioKind> scenarios, IReadOnlyList<TencentRunResult> results)
    {
        var tencent = settings.Tencent;
        text.AppendLine("## Tencent at its quotas: the gateway alone against the sandbox's Tencent emulator");
        text.AppendLine();
        text.AppendLine("- Consumer: the gateway only. The raw and masstransit peers have no Tencent client, so these scenarios do not run them"
            + (settings.Consumers.Any(c => c != ConsumerKind.Gateway) ? string.Create(Invariant, $" ({string.Join(", ", settings.Consumers.Where(c => c != ConsumerKind.Gateway).Select(Names.Of))} requested, skipped here).") : "."));
        text.AppendLine("- Provider: `Gateway.Sandbox.TencentIm.TencentImEmulator` on loopback Kestrel in the driver process, a fresh one per run, default quotas counted in aligned windows of its clock (second k is [k, k+1)): 200 calls/s per API (60007), 12 000 batchsendmsg recipients per aligned minute (60011), 40 messages/s per group (10023); every account and group exists (`RequireKnownAccounts` off); real UserSig verification on every call.");
        text.AppendLine(Invariant, $"- Gateway: instance `tencent` (`Type` TencentIm, the emulator's sample SdkAppId, its SecretKey through the gateway's environment, not the file, `BaseUrl` the emulator) and nothing else, so the shipped `RateLimit` defaults apply: RequestsPerSecond 200 per API, BatchRecipientsPerMinute 12 000, GroupMessagesPerSecond 40, WindowGuard 50 ms; prefetch {settings.PrefetchCount}, concurrency {settings.ConcurrentMessageLimit}; the same machine clock as the emulator.");
        text.AppendLine("- Accepted: the messages the emulator stored (`TencentImEmulator.Messages`), counted by their `MsgTime`, the second of the emulator's clock in which it accepted the call, i.e. the window its quota counted it in. Refusals: answers with 60007, 60011 or 10023, or HTTP 429, over the whole run (warm-up and drain included), from the emulator's request journal; \"emulator\" is its own `RateLimitRejections` counter.");
        text.AppendLine(Invariant, $"- Paced scenarios publish faster than the quota for {tencent.WarmupSeconds} s of warm-up + the measured seconds + {TencentSettings.TailSeconds} s, so the gateway always has a backlog; the window starts {tencent.WarmupSeconds} aligned seconds after the first accepted message. The gateway is stopped by its PID once the window is over and the rest of the backlog is deleted with the queue. CPU = the gateway's utime + stime across the window ÷ calls accepted in it.");
        text.AppendLine();
        foreach (var scenario in scenarios)
        {
            var runs = results.Where(r => r.Scenario == scenario).ToArray();
            text.AppendLine(Invariant, $"### {Title(settings, scenario)}");
            text.AppendLine();
            var unit = scenario == ScenarioKind.TencentBatch ? "recipients/min" : "calls/s";
            var windows = scenario == ScenarioKind.TencentBatch ? "aligned minutes" : "aligned seconds";
            text.AppendLine(Invariant, $"| # | round | {windows} | median {unit} | min | max | mean | mean % of quota | min % of quota | quota refusals (emulator) | other errors | commands accepted / published | gateway CPU µs/call | publish cmd/s | backlog at end | load avg start → end | target met |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|---|");
            foreach (var r in runs)
            {
                var ok = r.HasFigures;
                text.AppendLine(Invariant, $"| {r.Sequence} | {r.Round} | {r.Windows.Count}/{r.PlannedWindows} | {ResultsReport.Number(r.Median, ok)} | {ResultsReport.Number(r.Min, ok)} | {ResultsReport.Number(r.Max, ok)} | {ResultsReport.Number(r.Mean, ok)} | {Percent(r.Mean, r.Quota, ok)} | {Percent(r.Min, r.Quota, ok)} | {Refusals(r)} | {r.OtherErrors}{(r.FirstOtherError is null ? string.Empty : " (" + ResultsReport.Escape(r.FirstOtherError) + ")")} | {r.AcceptedCommands:N0} / {r.Published:N0} | {ResultsReport.Number(r.CpuMicrosecondsPerCall, double.IsFinite(r.CpuMicrosecondsPerCall))} | {ResultsReport.Number(r.PublishRate, r.PublishRate > 0)} | {r.BacklogAtEnd:N0} | {r.LoadAtStart} → {r.LoadAtEnd} | {Target(r)} |");
            }

            text.AppendLine();
            text.AppendLine(Invariant, $"Target: {TargetText(scenario)}. Per-window counts (value ×windows):");
            text.AppendLine();
            foreach (var r in runs)
            {
                text.AppendLine(Invariant, $"- #{r.Sequence}: {Distribution(r)}{(r.Unanswered > 0 ? string.Create(Invariant, $"; {r.Unanswered} calls unanswered when the gateway was stopped") : string.Empty)}{(r.DuplicatesDropped > 0 ? string.Create(Invariant, $"; {r.DuplicatesDropped} answered as duplicates") : string.Empty)}{RefusalsInTime(r, tencent)}");
            }

            text.AppendLine();
        }
    }

    private static string Title(BenchmarkSettings settings, ScenarioKind scenario)
    {
        var t = settings.Tencent;
        return scenario switch
        {
            ScenarioKind.TencentQuota => string.Create(Invariant, $"tencent-quota: one-recipient commands (sendmsg) at {t.QuotaRate:N0}/s, {t.QuotaSeconds} aligned seconds measured; quota 200 sendmsg calls/s"),
            ScenarioKind.TencentBatch => string.Create(Invariant, $"tencent-batch: {settings.MessagesOf(scenario):N0} commands to {t.BatchRecipients} users each (one batchsendmsg call each) prefilled, every full aligned minute measured; quota 12 000 recipients/min"),
            ScenarioKind.TencentGroup => string.Create(Invariant, $"tencent-group: commands to one group (send_group_msg) at {t.GroupRate:N0}/s, {t.GroupSeconds} aligned seconds measured; quota 40 messages/s per group"),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };
    }

    private static string TargetText(ScenarioKind scenario) => scenario switch
    {
        ScenarioKind.TencentQuota => "mean ≥ 98 % of 200/s over the window, 0 quota refusals (60007 / HTTP 429), 0 other errors",
        ScenarioKind.TencentBatch => "every measured minute ≥ 98 % of 12 000 recipients, 0 quota refusals (60011 / 60007 / HTTP 429), 0 other errors",
        _ => "no second over 40, median ≥ 98 % of 40, 0 quota refusals (10023 / 60007 / HTTP 429), 0 other errors",
    };

    private static string Percent(double value, int quota, bool available) =>
        available && quota > 0 ? (value / quota * 100).ToString("0.0", Invariant) + " %" : "–";

    private static string Refusals(TencentRunResult r)
    {
        var codes = r.Rejections.Count == 0
            ? "0"
            : string.Join(", ", r.Rejections.OrderBy(p => p.Key).Select(p => string.Create(Invariant, $"{(p.Key == 429 ? "HTTP 429" : p.Key.ToString(Invariant))} ×{p.Value}")));
        return string.Create(Invariant, $"{codes} ({r.EmulatorRejections})");
    }

    private static string Target(TencentRunResult r) =>
        r.MetTarget ? "yes"
        : r.Problem is not null ? "no: " + ResultsReport.Escape(r.Problem)
        : r.HasFigures ? "**no**"
        : string.Create(Invariant, $"no: {r.Windows.Count} of {r.PlannedWindows} windows measured");

    // Where the refusals fell: warm-up or measured window (the window of a paced run starts at +warm-up).
    private static string RefusalsInTime(TencentRunResult r, TencentSettings tencent) =>
        r.RefusalSeconds.Count == 0
            ? string.Empty
            : string.Create(Invariant, $"; quota refusals by aligned second after the first accepted message ({(r.Scenario == ScenarioKind.TencentBatch ? "batch: minutes are measured" : $"window from +{tencent.WarmupSeconds}")}): ")
                + string.Join(", ", r.RefusalSeconds.GroupBy(s => s).OrderBy(g => g.Key).Select(g => string.Create(Invariant, $"{(g.Key < 0 ? "before" : "+" + g.Key.ToString(Invariant))} ×{g.Count()}")));

    private static string Distribution(TencentRunResult r) =>
        r.Windows.Count == 0
            ? "no windows"
            : string.Join(", ", r.Windows.GroupBy(w => w.Accepted).OrderByDescending(g => g.Key).Select(g => string.Create(Invariant, $"{g.Key:N0} ×{g.Count()}")));
}
