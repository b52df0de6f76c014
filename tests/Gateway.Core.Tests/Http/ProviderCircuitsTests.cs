using System.Net;
using Gateway.Core.Http;
using Gateway.Core.Providers;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;

namespace Gateway.Core.Tests.Http;

public class ProviderCircuitsTests
{
    [Fact]
    public void StateOf_InstanceNeverCalled_IsClosed()
    {
        Assert.Equal(ProviderCircuitState.Closed, CreateSut().StateOf("openim"));
    }

    [Fact]
    public void StateOf_BreakerBuiltButNotUsed_IsClosed()
    {
        var circuits = CreateSut();
        _ = circuits.For("openim");

        Assert.Equal(ProviderCircuitState.Closed, circuits.StateOf("openim"));
    }

    [Fact]
    public async Task StateOf_BreakerOpened_ReportsOpenForThatInstanceOnly()
    {
        var circuits = CreateSut();
        var time = new FakeTimeProvider();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = 0.5,
                MinimumThroughput = 2,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(5),
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == HttpStatusCode.ServiceUnavailable),
                StateProvider = circuits.For("openim"),
            })
            .Build();

        for (var i = 0; i < 2; i++)
        {
            using var response = await pipeline.ExecuteAsync(static _ => ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)));
        }

        Assert.Equal(ProviderCircuitState.Open, circuits.StateOf("OPENIM"));
        Assert.Equal(ProviderCircuitState.Closed, circuits.StateOf("tencent"));
    }

    private static ProviderCircuits CreateSut() => new();
}
