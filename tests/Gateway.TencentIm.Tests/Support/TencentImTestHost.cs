using Gateway.Core;
using Gateway.Core.Diagnostics;
using Gateway.Core.Providers;
using Gateway.Sandbox.TencentIm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.TencentIm.Tests.Support;

/// <summary>
/// A gateway with one Tencent instance pointed at a fresh emulator on loopback Kestrel, with logs in a
/// <see cref="FakeLogCollector"/> and the container's own meter factory (so metric collectors see only this host).
/// </summary>
internal sealed class TencentImTestHost : IAsyncDisposable
{
    private TencentImTestHost(TencentImEmulator emulator, ServiceProvider services, string name)
    {
        Emulator = emulator;
        Services = services;
        Name = name;
        Logs = services.GetFakeLogCollector();
        Gateway = services.GetRequiredService<IMessageGateway>();

        // What the gateway's registry creates for the instance; its state (UserSig, breaker, quotas) is shared through the container.
        Provider = ActivatorUtilities.CreateInstance<TencentImMessageProvider>(services, name);
    }

    public TencentImEmulator Emulator { get; }

    public ServiceProvider Services { get; }

    public FakeLogCollector Logs { get; }

    /// <summary>Gets the instance name (unique per host).</summary>
    public string Name { get; }

    public IMessageGateway Gateway { get; }

    public IMessageProvider Provider { get; }

    /// <summary>Gets a clock for tests that control time: half a second into a window, so the window guard does not hold the first permit.</summary>
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, 500, TimeSpan.Zero));

    public static async Task<TencentImTestHost> StartAsync(
        Action<TencentImOptions>? configure = null,
        Action<TencentImEmulatorOptions>? emulator = null,
        TimeProvider? clock = null,
        Action<IServiceCollection, string>? services = null,
        bool strict = false)
    {
        var emulatorOptions = new TencentImEmulatorOptions();
        if (clock is not null)
        {
            emulatorOptions.TimeProvider = clock;
        }

        emulator?.Invoke(emulatorOptions);
        var server = new TencentImEmulator(emulatorOptions);
        await server.StartAsync();

        var collection = new ServiceCollection();
        collection.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        collection.AddMetrics();
        if (clock is not null)
        {
            collection.AddSingleton(clock);
        }

        var name = "tencent-" + Guid.NewGuid().ToString("N")[..8];
        services?.Invoke(collection, name);
        collection.AddMessagingGateway().AddTencentIm(name, o =>
        {
            o.SdkAppId = emulatorOptions.SdkAppId;
            o.SecretKey = emulatorOptions.SecretKey;
            o.BaseUrl = server.BaseAddress;
            o.Resilience.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.Resilience.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
            configure?.Invoke(o);
        }, strict);
        return new TencentImTestHost(server, collection.BuildServiceProvider(), name);
    }

    /// <summary>Collects one of the gateway's instruments, for this host only.</summary>
    public MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), GatewayDiagnostics.MeterName, instrument);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
