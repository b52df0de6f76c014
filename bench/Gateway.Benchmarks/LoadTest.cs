using System.Diagnostics;
using System.Globalization;
using Gateway.Core.Contracts;
using Gateway.Host.Demo;
using Gateway.Host.Hosting;
using Gateway.Host.Messaging;
using Gateway.Sandbox.OpenIm;
using Gateway.Sandbox.TencentIm;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Benchmarks;

/// <summary>
/// The end-to-end load test: the real worker (bus, consumers, adapters) in front of the emulators on loopback HTTP.
/// Sends a bounded number of commands through <c>send-message</c> and reports throughput and the time from publish to
/// outcome event. Usage: <c>load [--messages 2000] [--provider openim|tencent] [--concurrency 16]
/// [--transport InMemory|RabbitMq] [--rabbitmq-port 5672]</c>.
/// </summary>
internal static class LoadTest
{
    public static async Task<int> RunAsync(string[] args)
    {
        var messages = Option(args, "--messages", 2000);
        var concurrency = Option(args, "--concurrency", 16);
        var provider = Value(args, "--provider") ?? DemoScenario.OpenIm;
        var transport = Value(args, "--transport") ?? "InMemory";
        if (messages is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(args), "--messages must be between 1 and 100000");
        }

        await using var openIm = new OpenImEmulator();
        await using var tencent = new TencentImEmulator();
        await openIm.StartAsync();
        await tencent.StartAsync();

        var settings = new Dictionary<string, string?>(EmulatorConfiguration.For(openIm, tencent, provider))
        {
            ["Messaging:Transport"] = transport,
            ["Messaging:SendMessage:ConcurrentMessageLimit"] = concurrency.ToString(CultureInfo.InvariantCulture),
            ["Messaging:SendMessage:PrefetchCount"] = (concurrency * 2).ToString(CultureInfo.InvariantCulture),
            ["RabbitMq:Host"] = "127.0.0.1",
            ["RabbitMq:Port"] = Option(args, "--rabbitmq-port", 5672).ToString(CultureInfo.InvariantCulture),
            ["Gateway:Idempotency:MaxEntries"] = (messages * 2).ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var inbox = new OutcomeInbox();
        using var host = GatewayHost.CreateBuilder(new GatewayHostSettings
        {
            IncludeAppSettings = false,
            LogsToStandardError = true,
            Overrides = settings,
            ConfigureBus = bus => bus.AddConsumer<OutcomeCollector>().Endpoint(e => e.Name = "load-outcomes"),
            ConfigureServices = services => services.AddSingleton(inbox),
        }).Build();
        await host.StartAsync();

        // One warm-up message pays for the token fetch, UserSig and connection set-up before timing starts.
        var queue = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{SendMessageConsumerDefinition.QueueName}"));
        await queue.Send(Command("warm-up"));
        await inbox.WaitForCountAsync(1, TimeSpan.FromSeconds(60));

        var sentAt = new Dictionary<string, long>(messages, StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < messages; i++)
        {
            var id = $"load-{i}";
            sentAt[id] = Stopwatch.GetTimestamp();
            await queue.Send(Command(id));
        }

        await inbox.WaitForCountAsync(messages + 1, TimeSpan.FromMinutes(10));
        var elapsed = Stopwatch.GetElapsedTime(started);
        await host.StopAsync();

        var latencies = sentAt.Select(s => Stopwatch.GetElapsedTime(s.Value, inbox.Arrivals[s.Key]).TotalMilliseconds).Order().ToArray();
        var failed = inbox.Events.Count(e => e is MessageSendFailed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            load test: {messages} commands, provider {provider}, transport {transport}, concurrency {concurrency}
              elapsed      {elapsed.TotalSeconds:0.00} s
              throughput   {messages / elapsed.TotalSeconds:0.0} messages/s
              latency (publish -> outcome event) p50 {Percentile(latencies, 0.50):0.0} ms, p95 {Percentile(latencies, 0.95):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms
              failed       {failed}
              emulator     {(provider == DemoScenario.OpenIm ? openIm.Requests.Count : tencent.Requests.Count)} requests received
            """));
        return failed == 0 ? 0 : 1;
    }

    private static SendMessage Command(string id) => new()
    {
        MessageId = id,
        To = ["user-42"],
        Content = MessageContent.FromText("load test " + id),
    };

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback) =>
        Value(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
