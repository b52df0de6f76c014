using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Gateway.Core.Diagnostics;
using Gateway.Core.Pipeline;
using Gateway.Core.Routing;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Core.Tests.Fakes;

/// <summary>
/// A gateway configured in code over <see cref="FakeProvider"/> instances, with the testing fakes wired in:
/// <see cref="FakeTimeProvider"/>, <see cref="FakeLogger"/> (through <see cref="Logs"/>) and a meter factory per
/// gateway, so <see cref="Collect{T}"/> sees only this gateway's measurements.
/// </summary>
internal sealed class TestGateway : IDisposable
{
    private readonly ConcurrentDictionary<string, FakeProvider> _providers;
    private readonly string _first;

    private TestGateway(ServiceProvider services, ConcurrentDictionary<string, FakeProvider> providers, string first, FakeTimeProvider time)
    {
        Services = services;
        _providers = providers;
        _first = first;
        Time = time;
    }

    /// <summary>Gets the start time of every test gateway's clock.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>Gets the library facade (transient failures returned).</summary>
    public IMessageGateway Gateway => Services.GetRequiredService<IMessageGateway>();

    /// <summary>Gets the engine (transient failures thrown).</summary>
    public GatewayPipeline Pipeline => Services.GetRequiredService<GatewayPipeline>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <summary>Gets the first instance (the default unless the test chose another).</summary>
    public FakeProvider Provider => _providers[_first];

    public FakeProvider this[string name] => _providers[name];

    /// <summary>Creates a gateway with instances of type <c>Fake</c> (default: one named <c>primary</c>); the first is the default.</summary>
    /// <param name="configure">Changes the gateway options after the instances were added.</param>
    /// <param name="services">Changes the services (for example replaces the idempotency store).</param>
    /// <param name="instances">The instance names.</param>
    public static TestGateway Create(Action<GatewayOptions>? configure = null, Action<IServiceCollection>? services = null, params string[] instances)
    {
        string[] names = instances.Length == 0 ? ["primary"] : instances;
        var providers = new ConcurrentDictionary<string, FakeProvider>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            providers[name] = new FakeProvider(name);
        }

        var time = new FakeTimeProvider(Start);
        var collection = new ServiceCollection();
        collection.AddFakeLogging();
        collection.AddMetrics();
        collection.AddSingleton<TimeProvider>(time);
        collection.AddMessagingGateway(options =>
        {
            foreach (var name in names)
            {
                options.Providers[name] = new ProviderInstanceOptions { Type = FakeProviderType.Name };
            }

            options.DefaultProvider = names[0];
            configure?.Invoke(options);
        }).AddFakeProviderType(providers);
        services?.Invoke(collection);
        return new TestGateway(collection.BuildServiceProvider(validateScopes: true), providers, names[0], time);
    }

    /// <summary>Starts collecting one instrument of the gateway's meter; create it before the measurements.</summary>
    /// <typeparam name="T">The measurement type.</typeparam>
    /// <param name="instrument">The instrument name, for example <c>messaging_gateway.messages.sent</c>.</param>
    public MetricCollector<T> Collect<T>(string instrument)
        where T : struct =>
        new(Services.GetRequiredService<IMeterFactory>(), GatewayDiagnostics.MeterName, instrument);

    public void Dispose() => Services.Dispose();
}
