using BenchmarkDotNet.Attributes;
using Gateway.Core.Messages;
using Gateway.Core.Providers;
using Gateway.Core.Routing;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Benchmarks;

/// <summary>
/// The OpenIM send of <see cref="GatewayPipelineBenchmarks"/> layer by layer, to see where its time and allocations go:
/// the whole gateway, the provider alone (mapping, typed client, resilience pipeline, auth handler, answer parsing),
/// and a bare <see cref="HttpClient"/> over the same no-network handler.
/// </summary>
[MemoryDiagnoser]
public class PipelineLayersBenchmarks
{
    private ServiceProvider? _services;
    private Core.IMessageGateway? _gateway;
    private IMessageProvider? _provider;
    private HttpClient? _bare;
    private OutboundMessage? _message;
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
            });
        _services = services.BuildServiceProvider();
        _gateway = _services.GetRequiredService<Core.IMessageGateway>();
        _provider = _services.GetRequiredService<ProviderRegistry>().Providers[0];
        _bare = new HttpClient(Answers.NoNetwork(), disposeHandler: true);
        _message = Samples.Outbound(Samples.TextContent(), "user-42");
        if (!Gateway().GetAwaiter().GetResult().IsSuccess || Provider().GetAwaiter().GetResult().Deliveries.Count != 1)
        {
            throw new InvalidOperationException("the layer benchmark could not send");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare?.Dispose();
        _services?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<Core.SendOutcome> Gateway() => _gateway!.SendAsync(Samples.Text("l-" + Interlocked.Increment(ref _counter)));

    [Benchmark]
    public Task<ProviderSendResult> Provider() => _provider!.SendAsync(_message!);

    [Benchmark]
    public async Task<int> BareHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://openim.bench:10002/msg/send_msg") { Content = new ByteArrayContent([]) };
        using var response = await _bare!.SendAsync(request);
        return (int)response.StatusCode;
    }
}
