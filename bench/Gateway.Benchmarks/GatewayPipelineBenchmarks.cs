using BenchmarkDotNet.Attributes;
using Gateway.Core;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Benchmarks;

/// <summary>
/// One <see cref="IMessageGateway.SendAsync"/> end to end in process: validation, idempotency, routing, the provider
/// check, mapping, serialization, the typed client with its resilience pipeline and auth handler, and answer parsing,
/// over the shared stub handler (no network). Tencent's quota is raised so the code, not the quota, is measured.
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
        services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(Answers.NoNetwork));
        services.AddMessagingGateway(o =>
            {
                o.DefaultProvider = "openim";
                o.Idempotency.MaxEntries = 10_000;
            })
            .AddOpenIm("openim", o =>
            {
                o.BaseUrl = new Uri("http://openim.bench:10002");
                o.Secret = "bench-secret";
            })
            .AddTencentIm("tencent", o =>
            {
                o.SdkAppId = 1_400_000_000;
                o.SecretKey = "bench-secret-key";
                o.BaseUrl = new Uri("http://tencent.bench");
                o.RateLimit.RequestsPerSecond = 100_000;
                o.RateLimit.WindowGuard = TimeSpan.Zero;
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
    public Task<SendOutcome> OpenIm_Text() => _gateway!.SendAsync(Samples.Text("o-" + Interlocked.Increment(ref _counter)));

    [Benchmark]
    public Task<SendOutcome> OpenIm_Image() => _gateway!.SendAsync(Samples.Text("oi-" + Interlocked.Increment(ref _counter)) with { Content = Samples.Image() });

    [Benchmark]
    public Task<SendOutcome> Tencent_Text() => _gateway!.SendAsync(Samples.Text("t-" + Interlocked.Increment(ref _counter)) with { Provider = "tencent" });

    [Benchmark]
    public Task<SendOutcome> Duplicate() => _gateway!.SendAsync(Samples.Text("o-1"));
}
