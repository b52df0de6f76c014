using Gateway.Core;
using Gateway.Core.Diagnostics;
using Gateway.OpenIm.Auth;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Gateway.OpenIm.Tests.Support;

/// <summary>
/// The project's one test host: a gateway with one OpenIM instance (<c>openim</c>), its HTTP client talking either to
/// the OpenIM emulator on loopback (<see cref="StartAsync"/>, the integration tests) or to a <see cref="StubHandler"/>
/// set as the primary handler (<see cref="Create"/>, the unit tests). Logs go to a <see cref="FakeLogCollector"/>
/// (every level), the gateway's retry and rate-limit metrics to <see cref="MetricCollector{T}"/>s, and the clock can be
/// a <c>FakeTimeProvider</c> shared with the emulator.
/// </summary>
internal sealed class OpenImTestHost : IAsyncDisposable
{
    public const string Instance = OpenImOptions.DefaultInstanceName;

    /// <summary>The secret of stub-backed instances (never sent anywhere real).</summary>
    public const string StubSecret = "stub-secret-4711";

    /// <summary>The base URL of stub-backed instances; the stub answers before any name is resolved.</summary>
    public static readonly Uri StubBaseUrl = new("http://openim.test:10002/");

    private readonly ServiceProvider _services;
    private readonly OpenImEmulator? _emulator;
    private readonly StubHandler? _stub;
    private readonly MetricCollector<long> _retries;
    private readonly MetricCollector<double> _rateLimitWaits;

    private OpenImTestHost(ServiceProvider services, OpenImEmulator? emulator, StubHandler? stub)
    {
        _services = services;
        _emulator = emulator;
        _stub = stub;
        var meters = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        _retries = new MetricCollector<long>(meters, GatewayDiagnostics.MeterName, "messaging_gateway.retries");
        _rateLimitWaits = new MetricCollector<double>(meters, GatewayDiagnostics.MeterName, "messaging_gateway.rate_limit.wait");
        Logs = services.GetFakeLogCollector();
        Gateway = services.GetRequiredService<IMessageGateway>();

        // The provider keeps no state of its own (token, pipeline and breaker live in the container), so this instance
        // behaves exactly like the one the gateway's registry created.
        Provider = ActivatorUtilities.CreateInstance<OpenImMessageProvider>(services, Instance);
    }

    public OpenImEmulator Emulator => _emulator ?? throw new InvalidOperationException("This host runs over a stub handler.");

    public StubHandler Stub => _stub ?? throw new InvalidOperationException("This host runs over the emulator.");

    public FakeLogCollector Logs { get; }

    public IMessageGateway Gateway { get; }

    public OpenImMessageProvider Provider { get; }

    public IServiceProvider Services => _services;

    /// <summary>Gets the instance's admin-token cache (a keyed singleton, shared by every client the factory builds).</summary>
    public OpenImTokenCache Tokens => _services.GetRequiredKeyedService<OpenImTokenCache>(Instance);

    /// <summary>Gets the <c>reason</c> tag of every <c>messaging_gateway.retries</c> measurement, in order.</summary>
    public IReadOnlyList<string?> RetryReasons => Tag(_retries, "reason");

    /// <summary>Gets the <c>limiter</c> tag of every <c>messaging_gateway.rate_limit.wait</c> measurement, in order.</summary>
    public IReadOnlyList<string?> RateLimitWaits => Tag(_rateLimitWaits, "limiter");

    /// <summary>Gets everything logged, formatted, with exceptions and structured values, for "never logged" checks.</summary>
    public string LoggedText => string.Join(
        "\n",
        Logs.GetSnapshot().Select(r => string.Join(
            " | ",
            [r.Category, r.Message, r.Exception?.ToString() ?? string.Empty, .. (r.StructuredState ?? []).Select(p => $"{p.Key}={p.Value}")])));

    /// <summary>Gets whether Polly's telemetry logged a resilience event (<c>OnRetry</c>, <c>OnCircuitOpened</c>, …) of this instance's pipeline.</summary>
    public bool LoggedResilienceEvent(string eventName) => Logs.GetSnapshot().Any(r =>
        r.Id.Name == "ResilienceEvent"
        && r.GetStructuredStateValue("EventName") == eventName
        && r.GetStructuredStateValue("PipelineInstance") == Instance);

    /// <summary>Starts an emulator and a gateway whose <c>openim</c> instance points at it.</summary>
    public static async Task<OpenImTestHost> StartAsync(
        Action<OpenImEmulatorOptions>? emulator = null,
        Action<OpenImOptions>? configure = null,
        TimeProvider? clock = null,
        Action<IServiceCollection>? services = null)
    {
        var emulatorOptions = new OpenImEmulatorOptions();
        if (clock is not null)
        {
            emulatorOptions.TimeProvider = clock;
        }

        emulator?.Invoke(emulatorOptions);
        var server = new OpenImEmulator(emulatorOptions);
        await server.StartAsync();
        var provider = Build(
            o =>
            {
                Configure(o, server);
                configure?.Invoke(o);
            },
            clock,
            services);
        return new OpenImTestHost(provider, server, stub: null);
    }

    /// <summary>Creates a gateway whose <c>openim</c> instance sends through <paramref name="stub"/> (the primary handler of every client).</summary>
    public static OpenImTestHost Create(
        StubHandler stub,
        Action<OpenImOptions>? configure = null,
        TimeProvider? clock = null,
        Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(stub);
        var provider = Build(
            o =>
            {
                o.BaseUrl = StubBaseUrl;
                o.Secret = StubSecret;
                Fast(o);
                configure?.Invoke(o);
            },
            clock,
            s =>
            {
                s.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => stub));
                services?.Invoke(s);
            });
        return new OpenImTestHost(provider, emulator: null, stub);
    }

    /// <summary>Points options at an emulator, with fast test resilience settings.</summary>
    public static void Configure(OpenImOptions options, OpenImEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(emulator);
        options.BaseUrl = emulator.BaseAddress;
        options.Secret = emulator.Secret;
        options.AdminUserId = emulator.AdminUserIds[^1];
        options.ApiVersion = emulator.Generation switch
        {
            OpenImServerGeneration.V3UserToken => OpenImApiVersion.V3UserToken,
            OpenImServerGeneration.V2 => OpenImApiVersion.V2,
            _ => OpenImApiVersion.V3,
        };
        Fast(options);
    }

    public async ValueTask DisposeAsync()
    {
        _retries.Dispose();
        _rateLimitWaits.Dispose();
        await _services.DisposeAsync();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    private static void Fast(OpenImOptions options)
    {
        options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
        options.Resilience.TotalTimeout = TimeSpan.FromSeconds(15);
        options.Resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
        options.Resilience.Retry.MaxRetryAttempts = 2;
        options.Resilience.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        options.Resilience.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
    }

    private static ServiceProvider Build(Action<OpenImOptions> configure, TimeProvider? clock, Action<IServiceCollection>? services)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        collection.AddMetrics();
        if (clock is not null)
        {
            collection.AddSingleton(clock);
        }

        collection.AddMessagingGateway().AddOpenIm(configure);
        services?.Invoke(collection);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static string?[] Tag<T>(MetricCollector<T> collector, string tag)
        where T : struct =>
        [.. collector.GetMeasurementSnapshot().Select(m => m.Tags.TryGetValue(tag, out var value) ? value?.ToString() : null)];
}
