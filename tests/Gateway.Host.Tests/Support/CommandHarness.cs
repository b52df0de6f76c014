using System.Diagnostics.Metrics;
using System.Text.Json;
using Gateway.Core.Diagnostics;
using Gateway.Core.Serialization;
using Gateway.Host.Messaging;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace Gateway.Host.Tests.Support;

/// <summary>
/// The two command consumers on MassTransit's in-memory test harness, composed as the issue has it:
/// <c>AddMassTransitTestHarness(bus =&gt; bus.AddGatewayConsumers())</c>, <c>AddGatewayCommandHandling</c> for the
/// in-memory transport, and the gateway with one <see cref="ScriptedProviders"/> instance named <c>scripted</c>.
/// Fast in-process retries and a one-second redelivery step unless a test sets its own.
/// </summary>
internal sealed class CommandHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CommandHarness(ServiceProvider services, ScriptedProviders providers)
    {
        _services = services;
        Providers = providers;
        Harness = services.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public ScriptedProviders Providers { get; }

    public IServiceProvider Services => _services;

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    /// <summary>Starts collecting one instrument of the gateway's meter (create it before the measurements).</summary>
    public MetricCollector<long> Collect(string instrument) =>
        new(_services.GetRequiredService<IMeterFactory>(), GatewayDiagnostics.MeterName, instrument);

    /// <summary>Settings every harness test starts from: 2 in-process retries 10..50 ms, redelivery every second for a minute.</summary>
    public static Dictionary<string, string?> Defaults() => new()
    {
        [$"Gateway:Providers:{ScriptedProviders.Name}:Type"] = ScriptedProviders.Type,
        ["Messaging:Transport"] = "InMemory",
        ["Messaging:Retry:Limit"] = "2",
        ["Messaging:Retry:MinInterval"] = "00:00:00.010",
        ["Messaging:Retry:MaxInterval"] = "00:00:00.050",
        ["Messaging:Retry:IntervalDelta"] = "00:00:00.010",
        ["Messaging:Redelivery:Budget"] = "00:01:00",
        ["Messaging:Redelivery:Steps:0:Delay"] = "00:00:01",
    };

    public static async Task<CommandHarness> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? registerFirst = null)
    {
        var all = Defaults();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var providers = new ScriptedProviders();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        registerFirst?.Invoke(services);
        services.AddFakeLogging();
        services.AddMetrics();
        services.AddMessagingGateway(configuration.GetSection("Gateway")).AddScriptedProviderType(providers);
        services.AddGatewayCommandHandling(configuration, TransportKind.InMemory);
        services.AddMassTransitTestHarness(bus =>
        {
            bus.AddGatewayConsumers();
            bus.UsingInMemory((context, cfg) =>
            {
                // As the worker's bus: the contracts' reading rules (a command without a field reaches the validator).
                cfg.ConfigureJsonSerializerOptions(options =>
                {
                    var copy = new JsonSerializerOptions(options);
                    GatewayJson.Configure(copy);
                    return copy;
                });
                cfg.ConfigureEndpoints(context);
            });
        });
        services.Configure<TestHarnessOptions>(options =>
        {
            options.TestTimeout = TimeSpan.FromSeconds(20);

            // Longer than a redelivery step, so waiting for a redelivered command does not end at "inactive".
            options.TestInactivityTimeout = TimeSpan.FromSeconds(3);
        });
        var provider = services.BuildServiceProvider(validateScopes: true);
        var harness = new CommandHarness(provider, providers);
        await harness.Harness.Start();
        return harness;
    }

    public async Task SendAsync<T>(T command)
        where T : class
    {
        var queue = command is Gateway.Core.Contracts.RevokeMessage ? RevokeMessageHandler.Queue : SendMessageHandler.Queue;
        var endpoint = await Harness.Bus.GetSendEndpoint(new Uri($"queue:{queue}"));
        await endpoint.Send(command);
    }

    /// <summary>Waits (bounded) for a published event that matches.</summary>
    public async Task<T> PublishedAsync<T>(Func<T, bool>? match = null)
        where T : class
    {
        var found = await Harness.Published.SelectAsync<T>(x => match?.Invoke(x.Context.Message) ?? true).FirstOrDefaultAsync();
        return found?.Context.Message ?? throw new TimeoutException($"no {typeof(T).Name} was published; published: {Describe()}");
    }

    /// <summary>The events of type <typeparamref name="T"/> published so far, without waiting for more.</summary>
    public IReadOnlyList<T> PublishedSoFar<T>()
        where T : class =>
        [.. Harness.Published.Select<T>(new CancellationToken(canceled: true)).Select(x => x.Context.Message)];

    /// <summary>The deliveries of <typeparamref name="T"/> consumed so far (every in-process retry counts), without waiting.</summary>
    public IReadOnlyList<IReceivedMessage<T>> ConsumedSoFar<T>()
        where T : class =>
        [.. Harness.Consumed.Select<T>(new CancellationToken(canceled: true))];

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _services.DisposeAsync();
    }

    private string Describe() => string.Join(", ", Harness.Published.Select(_ => true, new CancellationToken(canceled: true)).Select(x => x.MessageType.Name));
}
