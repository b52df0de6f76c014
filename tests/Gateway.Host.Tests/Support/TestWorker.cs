using Gateway.Core.Providers;
using Gateway.Host.Demo;
using Gateway.Host.Hosting;
using Gateway.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Host.Tests.Support;

/// <summary>The real worker (the host the <c>run</c> verb builds) on a real broker, in a virtual host of its own.</summary>
internal sealed class TestWorker : IAsyncDisposable
{
    private TestWorker(IHost host, OutcomeInbox outcomes, RawBrokerClient raw, CapturedLogs logs)
    {
        Host = host;
        Outcomes = outcomes;
        Raw = raw;
        Logs = logs;
    }

    public IHost Host { get; }

    public OutcomeInbox Outcomes { get; }

    public RawBrokerClient Raw { get; }

    public CapturedLogs Logs { get; }

    public IBus Bus => Host.Services.GetRequiredService<IBus>();

    /// <summary>Settings every broker test shares: the broker, fast retries, no appsettings.json.</summary>
    public static Dictionary<string, string?> BrokerSettings(RabbitMqBroker broker, string virtualHost) => new()
    {
        ["Messaging:Transport"] = "RabbitMq",
        ["RabbitMq:Host"] = "127.0.0.1",
        ["RabbitMq:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RabbitMq:VirtualHost"] = virtualHost,
        ["Messaging:Retry:Limit"] = "2",
        ["Messaging:Retry:MinInterval"] = "00:00:00.050",
        ["Messaging:Retry:MaxInterval"] = "00:00:00.200",
        ["Messaging:Retry:IntervalDelta"] = "00:00:00.050",
        ["Messaging:StopTimeout"] = "00:00:10",
        ["Logging:LogLevel:Default"] = "Information",
    };

    public static async Task<TestWorker> StartAsync(
        RabbitMqBroker broker,
        string virtualHost,
        IDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null)
    {
        var outcomes = new OutcomeInbox();
        var logs = new CapturedLogs();
        var merged = BrokerSettings(broker, virtualHost);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        var builder = GatewayHost.CreateBuilder(new GatewayHostSettings
        {
            IncludeAppSettings = false,
            Overrides = merged,
            WithDiagnosticsListener = true,
            ConfigureBus = bus => bus.AddConsumer<OutcomeCollector>().Endpoint(e => e.Name = "test-outcomes"),
            ConfigureServices = collection =>
            {
                collection.AddSingleton(outcomes);
                services?.Invoke(collection);
            },
        });
        builder.Logging.AddProvider(logs);
        var host = builder.Build();
        await host.StartAsync();
        return new TestWorker(host, outcomes, new RawBrokerClient(broker.Port, virtualHost), logs);
    }

    /// <summary>Starts a worker whose only provider instance is a <see cref="ScriptedProviderFactory"/> one named "scripted".</summary>
    public static Task<TestWorker> StartScriptedAsync(RabbitMqBroker broker, string virtualHost, ScriptedProviderFactory provider, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Gateway:Providers:scripted:Type"] = ScriptedProviderFactory.Type,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return StartAsync(broker, virtualHost, all, services => services.AddSingleton<IMessageProviderFactory>(provider));
    }

    public async Task SendCommandAsync<T>(T command, string queue = "send-message")
        where T : class
    {
        var endpoint = await Bus.GetSendEndpoint(new Uri($"queue:{queue}"));
        await endpoint.Send(command);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Raw.DisposeAsync();
    }
}
