using Gateway.Core.Contracts;
using Gateway.Core.Http;
using Gateway.Core.Providers;
using Gateway.Sandbox.Hosting;
using Gateway.Testing;
using Gateway.TencentIm.Internal;
using Gateway.TencentIm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Testing;

namespace Gateway.TencentIm.Tests.Internal;

public sealed class TencentImPipelineTests
{
    private static Core.Messages.OutboundMessage Text(string id = "m") => Samples.Outbound(Samples.TextContent("hi")) with { MessageId = id };

    [Fact]
    public void Build_DefaultOptions_IsTheSharedOrderWithTencentsSettings()
    {
        // A configured instance, so the gateway's options (which choose the rate-limit store) are valid.
        var services = new ServiceCollection();
        services.AddMessagingGateway().AddTencentIm("t", o =>
        {
            o.SdkAppId = 1_400_000_000;
            o.SecretKey = "test-secret-key";
            o.Region = TencentImRegion.Singapore;
        });
        using var provider = services.BuildServiceProvider();
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();

        TencentImPipeline.Build(builder, "t", new TencentImOptions(), provider);

        var strategies = builder.Build().GetPipelineDescriptor().Strategies;
        Assert.Equal(["quota", "total-timeout", "retry", "quota-retries", "circuit-breaker", "attempt-timeout"], strategies.Select(s => s.Options!.Name));
        Assert.Equal(TimeSpan.FromSeconds(60), Assert.IsType<HttpTimeoutStrategyOptions>(strategies[1].Options).Timeout);
        var retry = Assert.IsType<HttpRetryStrategyOptions>(strategies[2].Options);
        Assert.Equal(4, retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(500), retry.Delay);
        Assert.Equal(TimeSpan.FromSeconds(8), retry.MaxDelay);
        Assert.Equal(DelayBackoffType.Exponential, retry.BackoffType);
        Assert.True(retry.UseJitter);
        Assert.True(retry.ShouldRetryAfterHeader);
        Assert.Equal(("t", "t"), (Assert.IsType<QuotaStrategyOptions>(strategies[0].Options).Instance, Assert.IsType<QuotaStrategyOptions>(strategies[3].Options).Instance));
        var breaker = Assert.IsType<HttpCircuitBreakerStrategyOptions>(strategies[4].Options);
        Assert.Equal(0.5, breaker.FailureRatio);
        Assert.Equal(20, breaker.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(30), breaker.SamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(15), breaker.BreakDuration);
        Assert.Equal(TimeSpan.FromSeconds(10), Assert.IsType<HttpTimeoutStrategyOptions>(strategies[5].Options).Timeout);
    }

    [Theory]
    [InlineData(70500)]
    [InlineData(60008)]
    [InlineData(20004)]
    [InlineData(90992)]
    [InlineData(10002)]
    public async Task SendAsync_RetryableCodeTwice_RetriesWithAByteIdenticalBodyAndSucceeds(int code)
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.FailNext(code, times: 2);
        using var retries = host.Collect<long>("messaging_gateway.retries");

        var result = await host.Provider.SendAsync(Text());

        Assert.Single(result.Deliveries);
        var requests = host.Emulator.Requests.All;
        Assert.Equal(3, requests.Count);
        Assert.Single(requests.Select(r => r.Body).Distinct());
        Assert.Equal(3, requests.Select(r => r.Query["random"]).Distinct().Count());
        Assert.Equal(2, retries.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.All(retries.GetMeasurementSnapshot(), m => Assert.Equal("code_" + code, m.Tags["reason"]));
        Assert.Single(host.Emulator.Messages);
    }

    [Fact]
    public async Task SendAsync_CallbackServerCode90992_LogsTheHint()
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.FailNext(90992);

        await host.Provider.SendAsync(Text());

        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 3008);
    }

    [Fact]
    public async Task SendAsync_RetryableCodeEveryTime_StopsAfterMaxRetriesAsTransient()
    {
        await using var host = await TencentImTestHost.StartAsync(o => o.Resilience.Retry.MaxRetryAttempts = 2);
        host.Emulator.FailNext(70500, times: 10);

        var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text()));

        Assert.Equal(GatewayErrorCode.ProviderUnavailable, exception.ErrorCode);
        Assert.True(exception.IsTransient);
        Assert.Equal("70500", exception.ProviderErrorCode);
        Assert.Equal(3, host.Emulator.Requests.Count);
    }

    [Theory]
    [InlineData(90010, GatewayErrorCode.InvalidMessage)]
    [InlineData(60020, GatewayErrorCode.Forbidden)]
    [InlineData(70013, GatewayErrorCode.Unauthorized)]
    [InlineData(20006, GatewayErrorCode.RecipientRejected)]
    [InlineData(99999, GatewayErrorCode.Unknown)]
    public async Task SendAsync_PermanentCode_IsNotRetried(int code, GatewayErrorCode expected)
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.FailNext(code, errorInfo: "the provider's own words");

        var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text()));

        Assert.Equal(expected, exception.ErrorCode);
        Assert.False(exception.IsTransient);
        Assert.Contains("the provider's own words", exception.Message, StringComparison.Ordinal);
        Assert.Equal(200, exception.Status);
        Assert.Equal(1, host.Emulator.Requests.Count);
    }

    [Theory]
    [InlineData(60007)]
    [InlineData(60011)]
    [InlineData(10023)]
    public async Task SendAsync_QuotaCodeOnce_WaitsAtLeastTheRateLimitedDelayAndResendsTheSameBody(int code)
    {
        var clock = TencentImTestHost.NewClock();
        await using var host = await TencentImTestHost.StartAsync(clock: clock);
        host.Emulator.FailNext(code);
        using var retries = host.Collect<long>("messaging_gateway.retries");

        var send = host.Provider.SendAsync(Text());
        await Clock.RequestsAsync(host.Emulator, 1);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(100);
        Assert.Equal(1, host.Emulator.Requests.Count); // RateLimitedDelay is 1 s: not yet
        clock.Advance(TencentImPipeline.MaxRateLimitJitter + TimeSpan.FromMilliseconds(1));
        var result = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(result.Deliveries);
        var requests = host.Emulator.Requests.All;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal("code_" + code, Assert.Single(retries.GetMeasurementSnapshot()).Tags["reason"]);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Category == "Polly" && r.Message.Contains("OnRetry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_QuotaCodeEveryTime_EndsRateLimitedWithRetryAfter()
    {
        var clock = TencentImTestHost.NewClock();
        await using var host = await TencentImTestHost.StartAsync(o => o.Resilience.Retry.MaxRetryAttempts = 1, clock: clock);
        host.Emulator.FailNext(10023, times: 5);

        var send = host.Provider.SendAsync(Samples.OutboundToGroup(MessageContent.FromText("x")));
        await Clock.RequestsAsync(host.Emulator, 1);
        clock.Advance(TimeSpan.FromSeconds(1.3));
        var exception = await Assert.ThrowsAsync<ProviderException>(() => send.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(GatewayErrorCode.RateLimited, exception.ErrorCode);
        Assert.True(exception.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(1), exception.RetryAfter);
        Assert.Equal(2, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_AuthLockout70050_IsNotRetriedAndAsksForSixtySeconds()
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.FailNext(70050);

        var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text()));

        Assert.Equal(GatewayErrorCode.RateLimited, exception.ErrorCode);
        Assert.True(exception.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(60), exception.RetryAfter);
        Assert.Equal(1, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_ConnectionDropped_RetriesTheSameBody()
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.Faults.Enqueue(Fault.DropConnection());
        using var retries = host.Collect<long>("messaging_gateway.retries");

        var result = await host.Provider.SendAsync(Text());

        Assert.Single(result.Deliveries);
        var requests = host.Emulator.Requests.All;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal("transport", Assert.Single(retries.GetMeasurementSnapshot()).Tags["reason"]);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(408)]
    public async Task SendAsync_TransientHttpStatusOnce_Retries(int status)
    {
        var clock = TencentImTestHost.NewClock();
        await using var host = await TencentImTestHost.StartAsync(clock: clock);
        host.Emulator.Faults.Enqueue(Fault.Respond(status, "<html>bad gateway</html>"));
        using var retries = host.Collect<long>("messaging_gateway.retries");

        var send = host.Provider.SendAsync(Text());
        await Clock.RequestsAsync(host.Emulator, 1);
        clock.Advance(TimeSpan.FromSeconds(1.3)); // a 429 waits RateLimitedDelay, the others the (1 ms) backoff
        var result = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(result.Deliveries);
        Assert.Equal(2, host.Emulator.Requests.Count);
        Assert.Equal("http_" + status, Assert.Single(retries.GetMeasurementSnapshot()).Tags["reason"]);
    }

    [Fact]
    public async Task SendAsync_Http404WithoutEnvelope_IsAConfigurationErrorNotRetried()
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.Faults.Enqueue(Fault.Respond(404, "not found"), times: 5);

        var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text()));

        Assert.Equal(GatewayErrorCode.Forbidden, exception.ErrorCode);
        Assert.Equal(404, exception.Status);
        Assert.False(exception.IsTransient);
        Assert.Equal(1, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_Http200WithoutEnvelope_IsTransientUnknownOutcome()
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.Faults.Enqueue(Fault.Respond(200, "<html>proxy page</html>"));

        var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text()));

        Assert.Equal(GatewayErrorCode.ProviderUnavailable, exception.ErrorCode);
        Assert.True(exception.IsTransient);
    }

    [Fact]
    public async Task SendAsync_AttemptTimesOut_RetriesAndSucceeds()
    {
        await using var host = await TencentImTestHost.StartAsync(o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(100));
        host.Emulator.Faults.Enqueue(Fault.Delay(TimeSpan.FromSeconds(10)));
        using var retries = host.Collect<long>("messaging_gateway.retries");

        var result = await host.Provider.SendAsync(Text());

        Assert.Single(result.Deliveries);
        Assert.Equal(2, host.Emulator.Requests.Count);
        Assert.Equal("timeout", Assert.Single(retries.GetMeasurementSnapshot()).Tags["reason"]);
    }

    [Fact]
    public async Task SendAsync_EveryAttemptTooSlow_StopsAtTheTotalTimeout()
    {
        await using var host = await TencentImTestHost.StartAsync(o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(50);
            o.Resilience.TotalTimeout = TimeSpan.FromMilliseconds(200);
            o.Resilience.Retry.MaxRetryAttempts = 10;
        });
        host.Emulator.Faults.Latency = TimeSpan.FromSeconds(5);

        var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text()));

        Assert.Equal(GatewayErrorCode.ProviderUnavailable, exception.ErrorCode);
        Assert.True(exception.IsTransient);
        Assert.Contains("timed out", exception.Message, StringComparison.Ordinal);
        Assert.InRange(host.Emulator.Requests.Count, 1, 4);
    }

    [Fact]
    public async Task SendAsync_RepeatedOutages_OpenTheCircuitAndFailFast()
    {
        await using var host = await TencentImTestHost.StartAsync(o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreaker.MinimumThroughput = 2;
            o.Resilience.CircuitBreaker.FailureRatio = 0.5;
            o.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromMinutes(1);
        });
        host.Emulator.FailNext(70500, times: 100);

        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text("m1")));
        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text("m2")));
        var refused = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text("m3")));

        Assert.Equal(ProviderCircuitState.Open, host.Provider.CircuitState);
        Assert.Equal(GatewayErrorCode.ProviderUnavailable, refused.ErrorCode);
        Assert.True(refused.IsTransient);
        Assert.NotNull(refused.RetryAfter);
        Assert.Contains("circuit is open", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.Emulator.Requests.Count);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Category == "Polly" && r.Message.Contains("OnCircuitOpened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_QuotaAnswers_DoNotOpenTheCircuit()
    {
        var clock = TencentImTestHost.NewClock();
        await using var host = await TencentImTestHost.StartAsync(
            o =>
            {
                o.Resilience.Retry.MaxRetryAttempts = 0;
                o.Resilience.CircuitBreaker.MinimumThroughput = 2;
                o.Resilience.CircuitBreaker.FailureRatio = 0.5;
            },
            clock: clock);
        host.Emulator.FailNext(60007, times: 3);

        for (var i = 0; i < 3; i++)
        {
            var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text("m" + i)));
            Assert.Equal(GatewayErrorCode.RateLimited, exception.ErrorCode);
        }

        Assert.Equal(ProviderCircuitState.Closed, host.Provider.CircuitState);
        Assert.Equal(3, host.Emulator.Requests.Count);
    }

    [Theory]
    [InlineData(60007)]
    [InlineData(10023)]
    public void RetryDelay_RateLimitedCode_IsAtLeastTheDelayPlusAtMostTheJitter(int code)
    {
        var delay = TimeSpan.FromSeconds(2);
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/v4/openim/sendmsg");
        Http.TencentImRequest.SetAnswer(request, new Http.TencentImAnswer(200, new Dtos.TencentImEnvelope { ActionStatus = "FAIL", ErrorCode = code }, null, string.Empty));
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK) { RequestMessage = request };

        var waits = Enumerable.Range(0, 50).Select(_ => TencentImPipeline.RetryDelay(Outcome.FromResult(response), delay)!.Value).ToList();

        Assert.All(waits, w => Assert.InRange(w, delay, delay + TencentImPipeline.MaxRateLimitJitter));
        Assert.Null(TencentImPipeline.RetryDelay(Outcome.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway)), delay));
    }
}
