using System.Net;
using Gateway.Core.Http;
using Gateway.Core.Providers;
using Polly;
using Polly.CircuitBreaker;

namespace Gateway.Core.Tests.Http;

public class ProviderCircuitsTests
{
    private static readonly HttpStatusCode Failing = HttpStatusCode.ServiceUnavailable;

    [Fact]
    public void StateOf_InstanceNeverCalled_IsClosed()
    {
        Assert.Equal(ProviderCircuitState.Closed, CreateSut().StateOf("openim"));
    }

    [Fact]
    public void StateOf_BreakerBuiltButNotUsed_IsClosed()
    {
        var circuits = CreateSut();
        _ = Pipeline(circuits, "openim", TimeSpan.FromSeconds(5));

        Assert.Equal(ProviderCircuitState.Closed, circuits.StateOf("openim"));
    }

    [Fact]
    public async Task StateOf_BreakerOpened_ReportsOpenForThatInstanceOnly()
    {
        var circuits = CreateSut();
        var pipeline = Pipeline(circuits, "openim", TimeSpan.FromSeconds(30));

        await FailTwiceAsync(pipeline);

        Assert.Equal(ProviderCircuitState.Open, circuits.StateOf("OPENIM"));
        Assert.Equal(ProviderCircuitState.Closed, circuits.StateOf("tencent"));
    }

    [Fact]
    public async Task StateOf_BreakOver_ReadsHalfOpenThenClosedAfterASuccess()
    {
        var circuits = CreateSut();
        var pipeline = Pipeline(circuits, "openim", TimeSpan.FromMilliseconds(500));
        await FailTwiceAsync(pipeline);

        await Task.Delay(TimeSpan.FromMilliseconds(600));
        var afterBreak = circuits.StateOf("openim");
        using (await pipeline.ExecuteAsync(static _ => ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.OK))))
        {
        }

        Assert.Equal(ProviderCircuitState.HalfOpen, afterBreak);
        Assert.Equal(ProviderCircuitState.Closed, circuits.StateOf("openim"));
    }

    [Fact]
    public async Task Follow_SameInstanceBuiltTwice_BothBuildAndTheOneUsedReports()
    {
        // The resilience registry may build an instance's pipeline twice when its first requests race; both builds
        // must succeed (a shared state provider made the second throw), and the state is the one of the pipeline used.
        var circuits = CreateSut();
        var kept = Pipeline(circuits, "openim", TimeSpan.FromSeconds(30));
        var discarded = Pipeline(circuits, "openim", TimeSpan.FromSeconds(30));

        await FailTwiceAsync(kept);

        Assert.NotNull(discarded);
        Assert.Equal(ProviderCircuitState.Open, circuits.StateOf("openim"));
    }

    [Fact]
    public async Task Follow_CallbacksAlreadySet_StillRun()
    {
        var circuits = CreateSut();
        var opened = 0;
        var options = Options(TimeSpan.FromSeconds(30));
        options.OnOpened = _ =>
        {
            opened++;
            return default;
        };
        circuits.Follow("openim", options);

        await FailTwiceAsync(new ResiliencePipelineBuilder<HttpResponseMessage>().AddCircuitBreaker(options).Build());

        Assert.Equal(1, opened);
        Assert.Equal(ProviderCircuitState.Open, circuits.StateOf("openim"));
    }

    private static async Task FailTwiceAsync(ResiliencePipeline<HttpResponseMessage> pipeline)
    {
        for (var i = 0; i < 2; i++)
        {
            using var response = await pipeline.ExecuteAsync(static _ => ValueTask.FromResult(new HttpResponseMessage(Failing)));
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> Pipeline(ProviderCircuits circuits, string instance, TimeSpan breakDuration)
    {
        var options = Options(breakDuration);
        circuits.Follow(instance, options);
        return new ResiliencePipelineBuilder<HttpResponseMessage>().AddCircuitBreaker(options).Build();
    }

    private static CircuitBreakerStrategyOptions<HttpResponseMessage> Options(TimeSpan breakDuration) => new()
    {
        FailureRatio = 0.5,
        MinimumThroughput = 2,
        SamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = breakDuration,
        ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result?.StatusCode == Failing),
    };

    private static ProviderCircuits CreateSut() => new();
}
