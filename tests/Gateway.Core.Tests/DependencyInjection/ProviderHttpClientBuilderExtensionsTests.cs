using System.Collections.Concurrent;
using System.Net;
using Gateway.Core.Http;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Gateway.Core.Tests.DependencyInjection;

/// <summary>The shared HTTP skeleton: every provider client logs through <see cref="ProviderHttpLogger"/>, and a request's pipeline key selects its pipeline.</summary>
public sealed class ProviderHttpClientBuilderExtensionsTests
{
    [Fact]
    public async Task AddProviderHttpClient_EveryProviderClient_LogsThroughTheProviderRequestLoggerOnly()
    {
        using var services = CreateSut(out _);

        await services.GetRequiredService<ProviderClients<FirstClient>>().Create().PostAsync("first-1");
        await services.GetRequiredService<ProviderClients<SecondClient>>().Create().PostAsync("second-1");

        var records = services.GetFakeLogCollector().GetSnapshot();
        var answered = records.Where(r => r.Id.Name == "ProviderHttpResponseReceived").ToList();
        Assert.Equal(["first-1", "second-1"], answered.Select(r => r.GetStructuredStateValue("Provider")));
        Assert.All(answered, r => Assert.Equal(("Gateway.Core.Http.ProviderHttpLogger", LogLevel.Debug), (r.Category, r.Level)));
        Assert.Equal(2, records.Count(r => r.Id.Name == "ProviderHttpRequestSending"));
        Assert.DoesNotContain(records, r => r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task AddProviderHttpClient_SidePipelineRequest_GoesThroughItsOwnPipeline()
    {
        using var services = CreateSut(out var built);
        var client = services.GetRequiredService<ProviderClients<FirstClient>>().Create();

        await client.PostAsync("first-1");
        await client.PostAsync("first-1", side: "auth");
        await client.PostAsync("first-1");

        Assert.Equal(1, built.Count(k => k == "first-1"));
        Assert.Equal(1, built.Count(k => k == "first-1/auth"));
    }

    private static ServiceProvider CreateSut(out ConcurrentQueue<string> built)
    {
        var pipelines = new ConcurrentQueue<string>();
        built = pipelines;
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        var gateway = services.AddMessagingGateway();
        foreach (var http in new[]
        {
            gateway.AddProviderHttpClient<FirstClient, PassThroughAuthHandler>("first", Configure),
            gateway.AddProviderHttpClient<SecondClient, PassThroughAuthHandler>("second", Configure),
        })
        {
            http.ConfigurePrimaryHttpMessageHandler(() => new StubHandler(static _ => new HttpResponseMessage(HttpStatusCode.OK)));
        }

        return services.BuildServiceProvider();

        void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
        {
            pipelines.Enqueue(context.InstanceName);
            builder.AddTimeout(TimeSpan.FromSeconds(5));
        }
    }

    internal sealed class FirstClient(HttpClient http)
    {
        public async Task PostAsync(string instance, string? side = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "http://provider.test/v1/send?key=secret");
            if (side is null)
            {
                request.SetProviderInstance(instance);
            }
            else
            {
                request.SetProviderInstance(instance, side);
            }

            using var response = await http.SendAsync(request);
        }
    }

    internal sealed class SecondClient(HttpClient http)
    {
        public async Task PostAsync(string instance)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "http://other.test/send");
            request.SetProviderInstance(instance);
            using var response = await http.SendAsync(request);
        }
    }

    internal sealed class PassThroughAuthHandler : DelegatingHandler;
}
