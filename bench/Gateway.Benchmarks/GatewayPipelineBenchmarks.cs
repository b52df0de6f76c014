using BenchmarkDotNet.Attributes;
using Gateway.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Benchmarks;

/// <summary>
/// One <see cref="IMessageGateway.SendAsync"/> end to end in process: validation, idempotency, routing, capability
/// check, mapping, serialization, the auth and resilience handlers and response parsing, over a handler that answers
/// without a network. Tencent's limiter is raised so the benchmark measures the code, not the quota.
/// </summary>
[MemoryDiagnoser]
public class GatewayPipelineBenchmarks
{
    private ServiceProvider? _services;
    private IMessageGateway? _gateway;
    private long _counter;

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection().AddLogging();
        services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => new NoRemoteCallHandler()));
        services.AddMessagingGateway(o =>
            {
                o.DefaultProvider = "openim";
                o.Idempotency.MaxEntries = 10_000;
            })
            .AddOpenIm("openim", o =>
            {
                o.BaseUrl = "http://openim.bench:10002";
                o.Secret = "bench-secret";
            })
            .AddTencentIm("tencent", o =>
            {
                o.SdkAppId = 1_400_000_000;
                o.SecretKey = "bench-secret-key";
                o.BaseUrl = new Uri("http://tencent.bench");
                o.Quotas.RequestsPerSecond = 100_000;
            });
        _services = services.BuildServiceProvider();
        _gateway = _services.GetRequiredService<IMessageGateway>();
        if (!OpenIm_Text().GetAwaiter().GetResult().IsSuccess || !Tencent_Text().GetAwaiter().GetResult().IsSuccess)
        {
            throw new InvalidOperationException("the pipeline benchmark could not send");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    [Benchmark]
    public Task<SendOutcome> OpenIm_Text() => _gateway!.SendAsync(Messages.Text("o-" + Interlocked.Increment(ref _counter)));

    [Benchmark]
    public Task<SendOutcome> OpenIm_Image() => _gateway!.SendAsync(Messages.Image("oi-" + Interlocked.Increment(ref _counter)));

    [Benchmark]
    public Task<SendOutcome> Tencent_Text() => _gateway!.SendAsync(Messages.Text("t-" + Interlocked.Increment(ref _counter)) with { Provider = "tencent" });

    [Benchmark]
    public Task<SendOutcome> Duplicate() => _gateway!.SendAsync(Messages.Text("o-1"));
}
