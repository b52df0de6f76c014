using Gateway.Core;
using Gateway.Core.Providers;
using Gateway.Core.Routing;
using Gateway.Sandbox.TencentIm;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.TencentIm.Tests;

/// <summary>A gateway with one Tencent instance pointed at a fresh emulator on loopback, with captured logs.</summary>
internal sealed class TencentImTestHost : IAsyncDisposable
{
    private TencentImTestHost(TencentImEmulator emulator, ServiceProvider services, CapturedLogs logs, string name)
    {
        Emulator = emulator;
        Services = services;
        Logs = logs;
        Name = name;
        Gateway = services.GetRequiredService<IMessageGateway>();
        Provider = services.GetRequiredService<MessageProviderRegistry>().Find(name)!;
    }

    public TencentImEmulator Emulator { get; }

    public ServiceProvider Services { get; }

    public CapturedLogs Logs { get; }

    /// <summary>Gets the instance name (unique per host, so metrics can be told apart).</summary>
    public string Name { get; }

    public IMessageGateway Gateway { get; }

    public IMessageProvider Provider { get; }

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

        var logs = new CapturedLogs();
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
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
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
            configure?.Invoke(o);
        }, strict);
        return new TencentImTestHost(server, collection.BuildServiceProvider(), logs, name);
    }

    /// <summary>Builds an instance without starting anything and returns its capabilities.</summary>
    public static ProviderCapabilities CapabilitiesOf(Action<TencentImOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddMessagingGateway().AddTencentIm(o =>
        {
            o.SdkAppId = 1_400_000_000;
            o.SecretKey = "key";
            o.Region = TencentImRegion.Singapore;
            configure(o);
        });
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<MessageProviderRegistry>().Find("tencent")!.Capabilities;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
