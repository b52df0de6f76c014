using Gateway.Core;
using Gateway.Core.Routing;
using Gateway.OpenIm.Internal;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.OpenIm.Tests.Support;

/// <summary>An emulator plus a gateway with one OpenIM instance (<c>openim</c>) pointed at it, with captured logs.</summary>
internal sealed class OpenImTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private OpenImTestHost(OpenImEmulator emulator, ServiceProvider services, CapturedLogs logs)
    {
        Emulator = emulator;
        _services = services;
        Logs = logs;
        Gateway = services.GetRequiredService<IMessageGateway>();
        Metrics = new MetricRecorder(services);
        Provider = (OpenImMessageProvider)services.GetRequiredService<MessageProviderRegistry>().Find("openim")!;
    }

    public OpenImEmulator Emulator { get; }

    public CapturedLogs Logs { get; }

    public IMessageGateway Gateway { get; }

    public MetricRecorder Metrics { get; }

    public OpenImMessageProvider Provider { get; }

    internal OpenImInstance Instance => Provider.Instance;

    public IServiceProvider Services => _services;

    public static async Task<OpenImTestHost> StartAsync(
        Action<OpenImEmulatorOptions>? emulator = null,
        Action<OpenImOptions>? configure = null,
        TimeProvider? timeProvider = null,
        Action<IServiceCollection>? services = null)
    {
        var emulatorOptions = new OpenImEmulatorOptions();
        if (timeProvider is not null)
        {
            emulatorOptions.TimeProvider = timeProvider;
        }

        emulator?.Invoke(emulatorOptions);
        var server = new OpenImEmulator(emulatorOptions);
        await server.StartAsync();

        var logs = new CapturedLogs();
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        collection.AddMetrics();
        if (timeProvider is not null)
        {
            collection.AddSingleton(timeProvider);
        }

        collection.AddMessagingGateway().AddOpenIm(o =>
        {
            Configure(o, server);
            configure?.Invoke(o);
        });
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new OpenImTestHost(server, provider, logs);
    }

    /// <summary>Points options at an emulator, with fast test resilience settings.</summary>
    public static void Configure(OpenImOptions options, OpenImEmulator emulator)
    {
        options.BaseUrl = emulator.BaseAddress.ToString();
        options.Secret = emulator.Secret;
        options.AdminUserId = emulator.AdminUserIds[^1];
        options.ApiVersion = emulator.Generation switch
        {
            OpenImServerGeneration.V3UserToken => OpenImApiVersion.V3UserToken,
            OpenImServerGeneration.V2 => OpenImApiVersion.V2,
            _ => OpenImApiVersion.V3,
        };
        options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
        options.Resilience.TotalTimeout = TimeSpan.FromSeconds(15);
        options.Resilience.SamplingDuration = TimeSpan.FromSeconds(30);
        options.Resilience.MaxRetryAttempts = 2;
        options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(5);
        options.Resilience.MaxDelay = TimeSpan.FromMilliseconds(50);
    }

    public async ValueTask DisposeAsync()
    {
        Metrics.Dispose();
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
