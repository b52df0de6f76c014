using System.Globalization;
using Gateway.Host.Demo;
using Gateway.Host.Diagnostics;
using Gateway.Host.Hosting;
using Gateway.Host.Messaging;
using Gateway.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Gateway.Host.Tests.Support;

/// <summary>
/// The worker the <c>run</c> verb composes (the gateway host, <c>AddGatewayBus</c> consuming the commands, the
/// diagnostics listener, telemetry) on a real broker, in a virtual host of its own, with an outcome collector on a
/// queue of the test's (<c>test-outcomes</c>) and the logs in a <see cref="FakeLogCollector"/>.
/// </summary>
internal sealed class TestWorker : IAsyncDisposable
{
    public const string OutcomesQueue = "test-outcomes";

    private TestWorker(IHost host, OutcomeInbox outcomes, RawBrokerClient raw, ScriptedProviders providers)
    {
        Host = host;
        Outcomes = outcomes;
        Raw = raw;
        Providers = providers;
    }

    public IHost Host { get; }

    public OutcomeInbox Outcomes { get; }

    public RawBrokerClient Raw { get; }

    public ScriptedProviders Providers { get; }

    public FakeLogCollector Logs => Host.Services.GetFakeLogCollector();

    public IBus Bus => Host.Services.GetRequiredService<IBus>();

    /// <summary>Settings every broker test shares: the broker, fast retries, one-second redelivery steps, no appsettings.json.</summary>
    public static Dictionary<string, string?> BrokerSettings(RabbitMqBroker broker, string virtualHost) => new()
    {
        ["Messaging:Transport"] = "RabbitMq",
        ["RabbitMq:Host"] = "127.0.0.1",
        ["RabbitMq:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
        ["RabbitMq:VirtualHost"] = virtualHost,
        ["Messaging:Retry:Limit"] = "2",
        ["Messaging:Retry:MinInterval"] = "00:00:00.050",
        ["Messaging:Retry:MaxInterval"] = "00:00:00.200",
        ["Messaging:Retry:IntervalDelta"] = "00:00:00.050",
        ["Messaging:Redelivery:Steps:0:Delay"] = "00:00:01",
        ["Messaging:Redelivery:Budget"] = "00:01:00",
        ["Messaging:StopTimeout"] = "00:00:10",
        ["Logging:LogLevel:Default"] = "Information",
    };

    /// <summary>Starts the worker with the given settings over <see cref="BrokerSettings"/>.</summary>
    public static async Task<TestWorker> StartAsync(RabbitMqBroker broker, string virtualHost, IDictionary<string, string?> settings)
    {
        var outcomes = new OutcomeInbox();
        var providers = new ScriptedProviders();
        var merged = BrokerSettings(broker, virtualHost);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        var builder = GatewayHost.CreateBuilder(new GatewayHostSettings { IncludeAppSettings = false, Overrides = merged });
        builder.Logging.AddFakeLogging();
        builder.Services.AddMessagingGateway().AddScriptedProviderType(providers);
        builder.Services.AddGatewayBus(builder.Configuration, consumeCommands: true, bus => bus.AddConsumer<OutcomeCollector>().Endpoint(e => e.Name = OutcomesQueue));
        builder.Services.AddGatewayDiagnosticsListener(builder.Configuration);
        builder.Services.AddGatewayTelemetry(builder.Configuration);
        builder.Services.AddSingleton(outcomes);
        var host = builder.Build();
        try
        {
            GatewayHost.Validate(host);
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TestWorker(host, outcomes, new RawBrokerClient(broker.Port, virtualHost), providers);
    }

    /// <summary>Starts a worker whose only provider instance is the scripted one named <c>scripted</c>.</summary>
    public static Task<TestWorker> StartScriptedAsync(RabbitMqBroker broker, string virtualHost, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { [$"Gateway:Providers:{ScriptedProviders.Name}:Type"] = ScriptedProviders.Type };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return StartAsync(broker, virtualHost, all);
    }

    public async Task SendCommandAsync<T>(T command)
        where T : class
    {
        // To the queue's exchange, as a publisher must: a queue: address would declare the quorum queue as a classic one.
        var queue = command is Gateway.Core.Contracts.RevokeMessage ? RevokeMessageHandler.Queue : SendMessageHandler.Queue;
        var endpoint = await Bus.GetSendEndpoint(new Uri($"exchange:{queue}"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await endpoint.Send(command, timeout.Token);
    }

    public Uri DiagnosticsAddress => Host.Services.GetRequiredService<DiagnosticsListener>().Address
        ?? throw new InvalidOperationException("the diagnostics listener is off (set Diagnostics:Port)");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
        }
        finally
        {
            Host.Dispose();
            await Raw.DisposeAsync();
        }
    }
}
