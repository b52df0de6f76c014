using System.CommandLine;
using Gateway.EndToEnd.Driver;
using Gateway.EndToEnd.Peers;

namespace Gateway.EndToEnd.Cli;

/// <summary>
/// The command line: no verb runs the benchmark driver; <c>peer raw|masstransit</c> runs one peer consumer (the
/// driver starts those itself, one process per run).
/// </summary>
internal static class EndToEndCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand("End-to-end benchmark: raw RabbitMQ.Client, minimal MassTransit and the gateway worker over a private RabbitMQ node and a fake OpenIM on loopback; the gateway alone at Tencent's quotas against the sandbox's Tencent emulator (tencent-* scenarios). Usually started by bench/e2e.sh.");
        var port = new Option<int>("--rabbitmq-port") { Description = "AMQP port of the private node on 127.0.0.1 (bench/e2e.sh starts it with eng/rabbitmq.sh; MG_RABBITMQ_DIR must name its directory).", Required = true };
        var repository = new Option<DirectoryInfo?>("--repo") { Description = "Repository root (default: found upwards from the current directory)." };
        var gatewayDll = new Option<FileInfo?>("--gateway-dll") { Description = "The worker (default: <repo>/artifacts/bin/Gateway.Host/release/Gateway.Host.dll)." };
        var messages = new Option<int>("--messages") { Description = "N, commands prefilled in the saturated and slow-provider scenarios.", DefaultValueFactory = _ => 20_000 };
        var rounds = new Option<int>("--rounds") { Description = "Interleaved rounds (every consumer in every scenario once per round).", DefaultValueFactory = _ => 3 };
        var pacedRate = new Option<int>("--paced-rate") { Description = "Publish rate of the paced scenario, msg/s.", DefaultValueFactory = _ => 1000 };
        var pacedSeconds = new Option<int>("--paced-seconds") { Description = "Duration of the paced scenario, s.", DefaultValueFactory = _ => 20 };
        var slowLatency = new Option<int>("--provider-latency-ms") { Description = "Provider latency of the slow-provider scenario, ms.", DefaultValueFactory = _ => 20 };
        var prefetch = new Option<int>("--prefetch") { Description = "PrefetchCount of every consumer (the gateway's appsettings value by default).", DefaultValueFactory = _ => 32 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent message limit of every consumer (the gateway's appsettings value by default).", DefaultValueFactory = _ => 16 };
        var warmup = new Option<int>("--warmup") { Description = "Messages per run before the measurement window opens (at most half the run).", DefaultValueFactory = _ => 1000 };
        var timeout = new Option<int>("--timeout") { Description = "Time limit of one run after its consumer started, s.", DefaultValueFactory = _ => 300 };
        var scenarios = new Option<string>("--scenarios")
        {
            Description = "Comma-separated: saturated, paced, slow-provider (fake OpenIM, every consumer); tencent-quota, tencent-batch, tencent-group (Tencent emulator, the gateway only).",
            DefaultValueFactory = _ => "saturated,paced,slow-provider",
        };
        var consumers = new Option<string>("--consumers") { Description = "Comma-separated: raw, masstransit, gateway.", DefaultValueFactory = _ => "raw,masstransit,gateway" };
        var defaults = new TencentSettings();
        var tencentRate = new Option<int>("--tencent-rate") { Description = "Publish rate of tencent-quota, commands/s (sendmsg quota: 200/s).", DefaultValueFactory = _ => defaults.QuotaRate };
        var tencentSeconds = new Option<int>("--tencent-seconds") { Description = "Measured aligned seconds of tencent-quota.", DefaultValueFactory = _ => defaults.QuotaSeconds };
        var tencentWarmup = new Option<int>("--tencent-warmup-seconds") { Description = "Aligned seconds after the first accepted request left out of tencent-quota and tencent-group.", DefaultValueFactory = _ => defaults.WarmupSeconds };
        var batchMinutes = new Option<int>("--tencent-batch-minutes") { Description = "Measured full aligned minutes of tencent-batch (quota: 12000 recipients/min).", DefaultValueFactory = _ => defaults.BatchMinutes };
        var batchRecipients = new Option<int>("--tencent-batch-recipients") { Description = "Recipients of one tencent-batch command (2..500: one batchsendmsg call).", DefaultValueFactory = _ => defaults.BatchRecipients };
        var groupRate = new Option<int>("--tencent-group-rate") { Description = "Publish rate of tencent-group, commands/s to one group (quota: 40/s per group).", DefaultValueFactory = _ => defaults.GroupRate };
        var groupSeconds = new Option<int>("--tencent-group-seconds") { Description = "Measured aligned seconds of tencent-group.", DefaultValueFactory = _ => defaults.GroupSeconds };
        var output = new Option<DirectoryInfo?>("--output") { Description = "Report, logs and generated configs (default: <repo>/artifacts/e2e)." };
        var commandLine = new Option<string?>("--command-line") { Description = "The command line shown in the report (bench/e2e.sh passes its own)." };
        var gatewaySettings = new Option<string[]>("--gateway-setting")
        {
            Description = "An extra gateway configuration value, Key:Path=value (repeatable; for example Messaging:Events:Format=Json).",
            AllowMultipleArgumentsPerToken = false,
            DefaultValueFactory = _ => [],
        };
        foreach (var option in new Option[] { port, repository, gatewayDll, messages, rounds, pacedRate, pacedSeconds, slowLatency, prefetch, concurrency, warmup, timeout, scenarios, consumers, tencentRate, tencentSeconds, tencentWarmup, batchMinutes, batchRecipients, groupRate, groupSeconds, output, commandLine, gatewaySettings })
        {
            root.Options.Add(option);
        }

        root.SetAction(async (result, cancellationToken) =>
        {
            var root = result.GetValue(repository)?.FullName ?? FindRepositoryRoot();
            if (root is null)
            {
                await Console.Error.WriteLineAsync("--repo: no MessagingGateway.sln found upwards from the current directory");
                return 2;
            }

            var settings = new BenchmarkSettings
            {
                RabbitMqPort = result.GetValue(port),
                RepositoryRoot = root,
                GatewayDll = result.GetValue(gatewayDll)?.FullName ?? Path.Combine(root, "artifacts", "bin", "Gateway.Host", "release", "Gateway.Host.dll"),
                Messages = result.GetValue(messages),
                Rounds = result.GetValue(rounds),
                PacedRate = result.GetValue(pacedRate),
                PacedSeconds = result.GetValue(pacedSeconds),
                SlowLatency = TimeSpan.FromMilliseconds(result.GetValue(slowLatency)),
                PrefetchCount = result.GetValue(prefetch),
                ConcurrentMessageLimit = result.GetValue(concurrency),
                Warmup = result.GetValue(warmup),
                RunTimeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
                Scenarios = Names.ParseList(result.GetValue(scenarios)!, Names.AllScenarios, Names.Of) ?? [],
                Consumers = Names.ParseList(result.GetValue(consumers)!, Names.AllConsumers, Names.Of) ?? [],
                OutputDirectory = result.GetValue(output)?.FullName ?? Path.Combine(root, "artifacts", "e2e"),
                CommandLine = result.GetValue(commandLine) ?? string.Join(' ', Environment.GetCommandLineArgs()),
                GatewaySettings = result.GetValue(gatewaySettings) ?? [],
                Tencent = new TencentSettings
                {
                    QuotaRate = result.GetValue(tencentRate),
                    QuotaSeconds = result.GetValue(tencentSeconds),
                    WarmupSeconds = result.GetValue(tencentWarmup),
                    BatchMinutes = result.GetValue(batchMinutes),
                    BatchRecipients = result.GetValue(batchRecipients),
                    GroupRate = result.GetValue(groupRate),
                    GroupSeconds = result.GetValue(groupSeconds),
                },
            };
            var problem = Validate(settings);
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync(problem);
                return 2;
            }

            return await BenchmarkDriver.RunAsync(settings, cancellationToken);
        });
        root.Subcommands.Add(CreatePeerCommand());
        return root;
    }

    private static Command CreatePeerCommand()
    {
        var kind = new Argument<string>("kind") { Description = "raw or masstransit." };
        kind.AcceptOnlyFromAmong("raw", "masstransit");
        var port = new Option<int>("--rabbitmq-port") { Required = true };
        var virtualHost = new Option<string>("--vhost") { Required = true };
        var providerUrl = new Option<string>("--provider-url") { Required = true };
        var prefetch = new Option<ushort>("--prefetch") { DefaultValueFactory = _ => 32 };
        var concurrency = new Option<ushort>("--concurrency") { DefaultValueFactory = _ => 16 };
        var command = new Command("peer", "Run one peer consumer on send-message until stopped (the driver starts these).") { kind, port, virtualHost, providerUrl, prefetch, concurrency };
        command.SetAction((result, cancellationToken) =>
        {
            var settings = new PeerSettings
            {
                RabbitMqPort = result.GetValue(port),
                VirtualHost = result.GetValue(virtualHost)!,
                ProviderUrl = new Uri(result.GetValue(providerUrl)!, UriKind.Absolute),
                PrefetchCount = result.GetValue(prefetch),
                ConcurrentMessageLimit = result.GetValue(concurrency),
            };
            return result.GetValue(kind) == "raw" ? RawPeer.RunAsync(settings, cancellationToken) : MassTransitPeer.RunAsync(settings, cancellationToken);
        });
        return command;
    }

    private static string? Validate(BenchmarkSettings settings) =>
        settings.RabbitMqPort is < 1 or > 65535 ? "--rabbitmq-port must be a TCP port"
        : settings.Messages is < 2 or > 1_000_000 ? "--messages must be between 2 and 1000000"
        : settings.Rounds is < 1 or > 20 ? "--rounds must be between 1 and 20"
        : settings.PacedRate is < 1 or > 100_000 ? "--paced-rate must be between 1 and 100000"
        : settings.PacedSeconds is < 1 or > 600 || (long)settings.PacedRate * settings.PacedSeconds is < 2 or > 1_000_000 ? "--paced-seconds must be 1..600 and rate × seconds 2..1000000"
        : settings.SlowLatency.TotalMilliseconds is < 1 or > 10_000 ? "--provider-latency-ms must be between 1 and 10000"
        : settings.PrefetchCount is < 1 or > ushort.MaxValue ? "--prefetch must be between 1 and 65535"
        : settings.ConcurrentMessageLimit is < 1 or > ushort.MaxValue ? "--concurrency must be between 1 and 65535"
        : settings.Warmup < 1 ? "--warmup must be at least 1"
        : settings.RunTimeout.TotalSeconds is < 10 or > 3600 ? "--timeout must be between 10 and 3600 s"
        : settings.Scenarios.Count == 0 ? "--scenarios: use saturated, paced, slow-provider, tencent-quota, tencent-batch and/or tencent-group"
        : settings.Consumers.Count == 0 ? "--consumers: use raw, masstransit and/or gateway"
        : settings.Scenarios.Any(Names.IsTencent) && !settings.Consumers.Contains(ConsumerKind.Gateway) ? "--consumers: the tencent-* scenarios run only the gateway (the peers have no Tencent client); add gateway"
        : settings.Tencent.QuotaRate is < 1 or > 10_000 ? "--tencent-rate must be between 1 and 10000"
        : settings.Tencent.QuotaSeconds is < 1 or > 600 ? "--tencent-seconds must be between 1 and 600"
        : settings.Tencent.WarmupSeconds is < 0 or > 60 ? "--tencent-warmup-seconds must be between 0 and 60"
        : settings.Tencent.BatchMinutes is < 1 or > 30 ? "--tencent-batch-minutes must be between 1 and 30"
        : settings.Tencent.BatchRecipients is < 2 or > 500 ? "--tencent-batch-recipients must be between 2 and 500"
        : settings.Tencent.GroupRate is < 1 or > 10_000 ? "--tencent-group-rate must be between 1 and 10000"
        : settings.Tencent.GroupSeconds is < 1 or > 600 ? "--tencent-group-seconds must be between 1 and 600"
        : settings.GatewaySettings.FirstOrDefault(s => s.IndexOf('=', StringComparison.Ordinal) < 1) is { } bad ? $"--gateway-setting '{bad}': use Key:Path=value"
        : null;

    private static string? FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(Environment.CurrentDirectory);
        for (var depth = 0; directory is not null && depth < 32; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MessagingGateway.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
