using System.Globalization;
using Gateway.EndToEnd.Cli;
using Gateway.EndToEnd.Provider;
using Gateway.EndToEnd.Report;

namespace Gateway.EndToEnd.Driver;

/// <summary>
/// Runs every scenario for every consumer, round after round (raw, masstransit, gateway, raw, …, so machine noise hits
/// all alike), prints the markdown report on stdout and writes it to <c>results-&lt;date&gt;.md</c>. Progress goes to
/// stderr. The tencent-* scenarios run the gateway only (the peers have no Tencent client). Exit code 0 only if every
/// OpenIM run delivered every command and every Tencent run measured its window and met its target.
/// </summary>
internal static class BenchmarkDriver
{
    public static async Task<int> RunAsync(BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Consumers.Contains(ConsumerKind.Gateway) && !File.Exists(settings.GatewayDll))
        {
            await Console.Error.WriteLineAsync($"the gateway worker is not built: {settings.GatewayDll} (dotnet build src/Gateway.Host -c Release)");
            return 2;
        }

        Directory.CreateDirectory(settings.OutputDirectory);
        var startedAt = TimeProvider.System.GetUtcNow();
        var clockTicks = await ProcessStats.ClockTicksPerSecondAsync(cancellationToken);
        var machine = await MachineInfo.CollectAsync(settings.RepositoryRoot, cancellationToken);
        await using var provider = await FakeOpenImServer.StartAsync(cancellationToken);
        var stamp = string.Create(CultureInfo.InvariantCulture, $"{startedAt:yyyyMMdd-HHmmss}");
        var runDirectory = Path.Combine(settings.OutputDirectory, "runs-" + stamp);
        Directory.CreateDirectory(runDirectory);
        var node = new RabbitMqNode(settings.RepositoryRoot, settings.RabbitMqPort);
        var runner = new ScenarioRunner(settings, provider, node, clockTicks, runDirectory);
        var tencentRunner = new TencentScenarioRunner(settings, node, clockTicks, runDirectory);
        await Console.Error.WriteLineAsync($"fake OpenIM on {provider.BaseUrl}; RabbitMQ on 127.0.0.1:{settings.RabbitMqPort}; consumer logs and configs in {runDirectory}");

        var results = new List<RunResult>();
        var tencentResults = new List<TencentRunResult>();
        var sequence = 0;
        var runCount = settings.Rounds * settings.Scenarios.Sum(s => ConsumersOf(settings, s).Count);
        for (var round = 1; round <= settings.Rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            foreach (var scenario in settings.Scenarios)
            {
                foreach (var consumer in ConsumersOf(settings, scenario))
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }

                    sequence++;
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{sequence}/{runCount}] round {round}, {Names.Of(scenario)}, {Names.Of(consumer)} ..."));
                    if (Names.IsTencent(scenario))
                    {
                        TencentRunResult tencent;
                        try
                        {
                            tencent = await tencentRunner.RunAsync(sequence, round, scenario, cancellationToken);
                        }
                        catch (Exception exception)
                        {
                            var problem = cancellationToken.IsCancellationRequested ? "interrupted" : exception.Message;
                            tencent = new TencentRunResult { Sequence = sequence, Round = round, Scenario = scenario, Quota = 0, PlannedWindows = 0, Published = settings.MessagesOf(scenario), Problem = problem };
                        }

                        tencentResults.Add(tencent);
                        await Console.Error.WriteLineAsync(Describe(tencent));
                        continue;
                    }

                    RunResult result;
                    try
                    {
                        result = await runner.RunAsync(sequence, round, scenario, consumer, cancellationToken);
                    }
                    catch (Exception exception)
                    {
                        // Interrupted (Ctrl-C, SIGTERM): the consumer is already killed; report what was measured so far.
                        var problem = cancellationToken.IsCancellationRequested ? "interrupted" : exception.Message;
                        result = new RunResult { Sequence = sequence, Round = round, Scenario = scenario, Consumer = consumer, Expected = settings.MessagesOf(scenario), Problem = problem };
                    }

                    results.Add(result);
                    await Console.Error.WriteLineAsync(Describe(result));
                }
            }
        }

        var report = ResultsReport.Render(settings, machine, runner.BrokerVersion ?? tencentRunner.BrokerVersion ?? "unknown", startedAt, results, tencentResults);
        var path = Path.Combine(settings.OutputDirectory, $"results-{stamp}.md");
        await File.WriteAllTextAsync(path, report, CancellationToken.None);
        Console.WriteLine(report);
        await Console.Error.WriteLineAsync($"report written to {path}; provider saw {provider.TokenRequests} token requests, {provider.StrayRequests} stray sends");
        return cancellationToken.IsCancellationRequested ? 130 : results.All(r => r.Succeeded) && tencentResults.All(r => r.MetTarget) ? 0 : 1;
    }

    // The peers have no Tencent client: the tencent-* scenarios run the gateway only.
    private static IReadOnlyList<ConsumerKind> ConsumersOf(BenchmarkSettings settings, ScenarioKind scenario) =>
        Names.IsTencent(scenario) ? [ConsumerKind.Gateway] : settings.Consumers;

    private static string Describe(TencentRunResult r) => r.HasFigures
        ? string.Create(CultureInfo.InvariantCulture, $"    {r.Windows.Count} windows: median {r.Median:0}, min {r.Min:0}, max {r.Max:0}, mean {r.Mean:0.0} ({r.Mean / r.Quota * 100:0.0} % of {r.Quota}); {r.TotalRejections} quota refusals, {r.OtherErrors} other errors; load {r.LoadAtStart} -> {r.LoadAtEnd}{(r.MetTarget ? string.Empty : "; TARGET MISSED")}")
        : "    FAILED: " + (r.Problem ?? $"{r.Windows.Count} of {r.PlannedWindows} windows measured");

    private static string Describe(RunResult r) => r.HasFigures
        ? string.Create(CultureInfo.InvariantCulture, $"    {r.MessagesPerSecond:0} msg/s, {r.CpuMicrosecondsPerMessage:0} µs CPU/msg, {r.PeakRssMiB:0} MiB peak, p50 {r.P50Milliseconds:0.0} ms, p99 {r.P99Milliseconds:0.0} ms, {r.Distinct}/{r.Expected} arrived{(r.Problem is null ? string.Empty : "; " + r.Problem)}")
        : "    FAILED: " + r.Problem;
}
