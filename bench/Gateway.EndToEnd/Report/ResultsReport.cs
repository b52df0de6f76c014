using System.Globalization;
using System.Text;
using Gateway.EndToEnd.Cli;
using Gateway.EndToEnd.Driver;

namespace Gateway.EndToEnd.Report;

/// <summary>
/// The markdown report: per scenario, each consumer's median with min–max over the rounds, and the ratios
/// gateway/masstransit and gateway/raw computed per round, then medianed; then every run in order.
/// </summary>
internal static class ResultsReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (string Header, Func<RunResult, double> Value)[] Metrics =
    [
        ("msg/s", r => r.MessagesPerSecond),
        ("CPU µs/msg", r => r.CpuMicrosecondsPerMessage),
        ("peak RSS MiB", r => r.PeakRssMiB),
        ("p50 ms", r => r.P50Milliseconds),
        ("p99 ms", r => r.P99Milliseconds),
    ];

    public static string Render(BenchmarkSettings settings, MachineInfo machine, string brokerVersion, DateTimeOffset startedAt, IReadOnlyList<RunResult> results, IReadOnlyList<TencentRunResult> tencentResults)
    {
        var openImScenarios = settings.Scenarios.Where(s => !Names.IsTencent(s)).ToArray();
        var tencentScenarios = settings.Scenarios.Where(Names.IsTencent).ToArray();
        var text = new StringBuilder();
        text.AppendLine(openImScenarios.Length > 0
            ? "# End-to-end benchmark: raw RabbitMQ.Client vs minimal MassTransit vs the gateway worker"
            : "# End-to-end benchmark: the gateway worker at Tencent's quotas");
        text.AppendLine();
        text.AppendLine(Invariant, $"- Date: {startedAt:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(Invariant, $"- Command: `{settings.CommandLine}`");
        text.AppendLine(Invariant, $"- Machine: nproc {machine.ProcessorCount}, {machine.CpuModel}, {machine.MemoryTotal} RAM, {machine.OperatingSystem}; load average (1/5/15 min) {machine.LoadAtStart} at the start, {LoadAverage.Read()} at the end");
        text.AppendLine(Invariant, $"- .NET: SDK {machine.DotnetSdk} (`dotnet --version`), driver runtime {machine.Runtime}; every process Release, workstation GC");
        text.AppendLine(Invariant, $"- Broker: RabbitMQ {brokerVersion}, private node on 127.0.0.1 (eng/rabbitmq.sh), fresh virtual host per run; durable classic queue `send-message`, persistent messages, publisher confirms");
        if (openImScenarios.Length > 0)
        {
            text.AppendLine(Invariant, $"- Consumers: prefetch {settings.PrefetchCount}, concurrency {settings.ConcurrentMessageLimit} for all; each its own process; rounds {settings.Rounds}, interleaved ({string.Join(", ", settings.Consumers.Select(Names.Of))}, then again)");
            text.AppendLine(Invariant, $"- Provider: fake OpenIM v3 on loopback Kestrel in the driver process; the gateway publishes one `MessageSent` event per command (fanout exchange, no queue bound); the peers publish nothing");
            text.AppendLine(Invariant, $"- Window: figures exclude the first {settings.Warmup} messages of a run (at most half); CPU = utime + stime from /proc/<pid>/stat across the window ÷ messages in it; RSS = VmHWM at the end");
        }

        text.AppendLine();

        foreach (var scenario in openImScenarios)
        {
            var runs = results.Where(r => r.Scenario == scenario).ToArray();
            text.AppendLine(Invariant, $"## {Title(settings, scenario)}");
            text.AppendLine();
            AppendScenarioTable(text, settings, scenario, runs);
            text.AppendLine();
        }

        if (tencentScenarios.Length > 0)
        {
            TencentReport.Append(text, settings, tencentScenarios, tencentResults);
        }

        if (openImScenarios.Length == 0)
        {
            return text.ToString();
        }

        text.AppendLine("## Every run");
        text.AppendLine();
        text.AppendLine("Driver = load generator + fake provider (one process); broker = the RabbitMQ node; both share the two cores with the consumer.");
        text.AppendLine();
        text.AppendLine("| # | round | scenario | consumer | msg/s | CPU µs/msg | CPU µs/msg incl. start-up | driver CPU µs/msg | broker CPU µs/msg | peak RSS MiB | p50 ms | p99 ms | start-up s | arrived | duplicates | publish msg/s | problem |");
        text.AppendLine("|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            text.AppendLine(Invariant, $"| {r.Sequence} | {r.Round} | {Names.Of(r.Scenario)} | {Names.Of(r.Consumer)} | {Number(r.MessagesPerSecond, r.HasFigures)} | {Number(r.CpuMicrosecondsPerMessage, r.HasFigures)} | {Number(r.TotalCpuMicrosecondsPerMessage, r.HasFigures)} | {Number(r.DriverCpuMicrosecondsPerMessage, r.HasFigures)} | {Number(r.BrokerCpuMicrosecondsPerMessage, r.HasFigures)} | {Number(r.PeakRssMiB, r.HasFigures)} | {Number(r.P50Milliseconds, r.HasFigures)} | {Number(r.P99Milliseconds, r.HasFigures)} | {Number(r.StartupSeconds, r.HasFigures)} | {r.Distinct}/{r.Expected} | {r.Duplicates} | {Number(r.PublishRate, r.PublishRate > 0)} | {Escape(r.Problem)} |");
        }

        return text.ToString();
    }

    private static string Title(BenchmarkSettings settings, ScenarioKind scenario) => scenario switch
    {
        ScenarioKind.Saturated => string.Create(Invariant, $"Saturated: {settings.Messages:N0} commands prefilled, provider answers at once"),
        ScenarioKind.Paced => string.Create(Invariant, $"Paced: {settings.PacedRate:N0} msg/s for {settings.PacedSeconds} s into a running consumer, provider answers at once"),
        ScenarioKind.SlowProvider => string.Create(Invariant, $"Slow provider: {settings.Messages:N0} commands prefilled, provider answers after {settings.SlowLatency.TotalMilliseconds:0} ms; Little's-law bound min(prefetch, concurrency) ÷ latency = {settings.LittleBound:N0} msg/s"),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    private static void AppendScenarioTable(StringBuilder text, BenchmarkSettings settings, ScenarioKind scenario, RunResult[] runs)
    {
        var bound = scenario == ScenarioKind.SlowProvider;
        text.Append("| consumer |");
        foreach (var metric in Metrics)
        {
            text.Append(Invariant, $" {metric.Header} |");
        }

        text.AppendLine(bound ? " % of bound | publishes outcome events | runs ok |" : " publishes outcome events | runs ok |");
        text.Append("|---|");
        text.Append(string.Concat(Enumerable.Repeat("---:|", Metrics.Length + (bound ? 1 : 0))));
        text.AppendLine("---|---:|");

        foreach (var consumer in settings.Consumers)
        {
            var mine = runs.Where(r => r.Consumer == consumer && r.HasFigures).ToArray();
            text.Append(Invariant, $"| {Names.Of(consumer)} |");
            foreach (var metric in Metrics)
            {
                text.Append(Invariant, $" {Summary(mine.Select(metric.Value).ToArray(), Number)} |");
            }

            if (bound)
            {
                text.Append(Invariant, $" {Summary(mine.Select(r => r.MessagesPerSecond / settings.LittleBound * 100).ToArray(), (v, ok) => Number(v, ok) + (ok ? " %" : string.Empty))} |");
            }

            var events = consumer == ConsumerKind.Gateway ? "yes, `MessageSent` per command" : "no";
            text.AppendLine(Invariant, $" {events} | {runs.Count(r => r.Consumer == consumer && r.Succeeded)}/{runs.Count(r => r.Consumer == consumer)} |");
        }

        foreach (var baseline in new[] { ConsumerKind.MassTransit, ConsumerKind.Raw })
        {
            if (!settings.Consumers.Contains(ConsumerKind.Gateway) || !settings.Consumers.Contains(baseline))
            {
                continue;
            }

            text.Append(Invariant, $"| gateway / {Names.Of(baseline)} |");
            foreach (var metric in Metrics)
            {
                text.Append(Invariant, $" {Summary(RoundRatios(runs, baseline, metric.Value), Ratio)} |");
            }

            text.AppendLine(bound ? " | | |" : " | |");
        }

        if (scenario == ScenarioKind.Saturated || scenario == ScenarioKind.SlowProvider)
        {
            text.AppendLine();
            text.AppendLine("Latencies here are mostly time spent waiting in the prefilled queue, not service time; msg/s and CPU are the figures that matter.");
        }
    }

    // gateway ÷ baseline within each round where both have figures.
    private static double[] RoundRatios(RunResult[] runs, ConsumerKind baseline, Func<RunResult, double> value) =>
        runs.Where(r => r.Consumer == ConsumerKind.Gateway && r.HasFigures)
            .Select(g => (Gateway: g, Baseline: runs.FirstOrDefault(b => b.Consumer == baseline && b.Round == g.Round && b.HasFigures)))
            .Where(pair => pair.Baseline is not null && value(pair.Baseline) > 0)
            .Select(pair => value(pair.Gateway) / value(pair.Baseline!))
            .ToArray();

    private static string Summary(double[] values, Func<double, bool, string> format)
    {
        values = values.Where(double.IsFinite).ToArray();
        if (values.Length == 0)
        {
            return "–";
        }

        var median = format(Statistics.Median(values), true);
        return values.Length == 1 ? median : $"{median} ({format(values.Min(), true)}–{format(values.Max(), true)})";
    }

    internal static string Number(double value, bool available) =>
        !available || !double.IsFinite(value) ? "–"
        : Math.Abs(value) >= 100 ? value.ToString("N0", Invariant)
        : Math.Abs(value) >= 10 ? value.ToString("0.0", Invariant)
        : value.ToString("0.00", Invariant);

    private static string Ratio(double value, bool available) => available ? value.ToString("0.00", Invariant) + "×" : "–";

    internal static string Escape(string? text) =>
        text is null ? string.Empty
        : (text.Length > 400 ? text[..400] + "…" : text).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ").Trim();
}
