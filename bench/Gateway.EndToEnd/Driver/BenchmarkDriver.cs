using System.Globalization;
using Gateway.EndToEnd.Cli;
using Gateway.EndToEnd.Provider;
using Gateway.EndToEnd.Report;

namespace Gateway.EndToEnd.Driver;

/// <summary>
/// Runs every scenario for every consumer, round after round (raw, masstransit, gateway, raw, …, so machine noise hits
/// all alike), prints the markdown report on stdout and writes it to <c>results-&lt;date&gt;.md</c>. Progress goes to
/// stderr. Exit code 0 only if every run delivered every command.
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
        var runner = new ScenarioRunner(settings, provider, new RabbitMqNode(settings.RepositoryRoot, settings.RabbitMqPort), clockTicks, runDirectory);
        await Console.Error.WriteLineAsync($"fake OpenIM on {provider.BaseUrl}; RabbitMQ on 127.0.0.1:{settings.RabbitMqPort}; consumer logs and configs in {runDirectory}");

        var results = new List<RunResult>();
        var sequence = 0;
        var runCount = settings.Rounds * settings.Scenarios.Count * settings.Consumers.Count;
        for (var round = 1; round <= settings.Rounds && !cancellationToken.IsCancellationRequested; round++)
        {
            foreach (var scenario in settings.Scenarios)
            {
                foreach (var consumer in settings.Consumers)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }

                    sequence++;
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[{sequence}/{runCount}] round {round}, {Names.Of(scenario)}, {Names.Of(consumer)} ..."));
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

        var report = ResultsReport.Render(settings, machine, runner.BrokerVersion ?? "unknown", startedAt, results);
        var path = Path.Combine(settings.OutputDirectory, $"results-{stamp}.md");
        await File.WriteAllTextAsync(path, report, CancellationToken.None);
        Console.WriteLine(report);
        await Console.Error.WriteLineAsync($"report written to {path}; provider saw {provider.TokenRequests} token requests, {provider.StrayRequests} stray sends");
        return cancellationToken.IsCancellationRequested ? 130 : results.All(r => r.Succeeded) ? 0 : 1;
    }

    private static string Describe(RunResult r) => r.HasFigures
        ? string.Create(CultureInfo.InvariantCulture, $"    {r.MessagesPerSecond:0} msg/s, {r.CpuMicrosecondsPerMessage:0} µs CPU/msg, {r.PeakRssMiB:0} MiB peak, p50 {r.P50Milliseconds:0.0} ms, p99 {r.P99Milliseconds:0.0} ms, {r.Distinct}/{r.Expected} arrived{(r.Problem is null ? string.Empty : "; " + r.Problem)}")
        : "    FAILED: " + r.Problem;
}
