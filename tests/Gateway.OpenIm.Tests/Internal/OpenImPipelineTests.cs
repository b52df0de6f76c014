using System.Net;
using Gateway.Core.Contracts;
using Gateway.Core.Http;
using Gateway.Core.Providers;
using Gateway.OpenIm.Internal;
using Gateway.OpenIm.Tests.Support;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Testing;

namespace Gateway.OpenIm.Tests.Internal;

/// <summary>
/// The instance pipeline by behaviour, over a stub that fails N times, on a fake clock. A send is repeated in-process
/// only when it provably never reached the server (connection not opened, 503, 429 with a short Retry-After); a token
/// request on every transient HTTP failure; everything else goes back to the bus as a transient ProviderException.
/// </summary>
public sealed class OpenImPipelineTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Pipeline_Strategies_AreInTheStandardOrderWithTheInstanceSettings()
    {
        await using var host = CreateSut(new OpenImStub(), o =>
        {
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(40);
            o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(7);
            o.Resilience.Retry.MaxRetryAttempts = 4;
            o.Resilience.Retry.BaseDelay = TimeSpan.FromMilliseconds(200);
            o.Resilience.Retry.MaxDelay = TimeSpan.FromSeconds(3);
            o.Resilience.CircuitBreaker.FailureRatio = 0.25;
            o.Resilience.CircuitBreaker.MinimumThroughput = 20;
            o.Resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
            o.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(9);
        });

        var descriptor = InstancePipelines.Get(host.Services, OpenImTestHost.Instance).GetPipelineDescriptor();

        Assert.Equal(
            ["total-timeout", "retry", "circuit-breaker", "attempt-timeout"],
            descriptor.Strategies.Select(s => s.Options?.Name));
        Assert.Equal(TimeSpan.FromSeconds(40), Assert.IsType<HttpTimeoutStrategyOptions>(descriptor.Strategies[0].Options).Timeout);
        var retry = Assert.IsType<HttpRetryStrategyOptions>(descriptor.Strategies[1].Options);
        Assert.Equal(
            (4, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(3), DelayBackoffType.Exponential, true, true),
            (retry.MaxRetryAttempts, retry.Delay, retry.MaxDelay, retry.BackoffType, retry.UseJitter, retry.ShouldRetryAfterHeader));
        var breaker = Assert.IsType<HttpCircuitBreakerStrategyOptions>(descriptor.Strategies[2].Options);
        Assert.Equal(
            (0.25, 20, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(9)),
            (breaker.FailureRatio, breaker.MinimumThroughput, breaker.SamplingDuration, breaker.BreakDuration));
        Assert.NotNull(breaker.OnOpened); // followed by ProviderCircuits for readiness
        Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<HttpTimeoutStrategyOptions>(descriptor.Strategies[3].Options).Timeout);
        Assert.False(descriptor.IsReloadable);
    }

    [Fact]
    public async Task Pipeline_RateLimitSet_PaysTheFirstAttemptOutsideTheTimeoutsAndRetriesInsideTheRetry()
    {
        await using var host = CreateSut(new OpenImStub(), o => o.RateLimit.RequestsPerSecond = 5);

        var descriptor = InstancePipelines.Get(host.Services, OpenImTestHost.Instance).GetPipelineDescriptor();

        Assert.Equal(
            ["quota", "total-timeout", "retry", "quota-retries", "circuit-breaker", "attempt-timeout"],
            descriptor.Strategies.Select(s => s.Options?.Name));
        var quota = Assert.IsType<QuotaStrategyOptions>(descriptor.Strategies[0].Options);
        var retries = Assert.IsType<QuotaStrategyOptions>(descriptor.Strategies[3].Options);
        Assert.Equal((OpenImTestHost.Instance, OpenImTestHost.Instance), (quota.Instance, retries.Instance));
    }

    [Fact]
    public async Task Pipeline_AuthSidePipeline_HasItsOwnBreakerAndNoQuota()
    {
        await using var host = CreateSut(new OpenImStub(), o => o.RateLimit.RequestsPerSecond = 5);

        var send = InstancePipelines.Get(host.Services, OpenImTestHost.Instance).GetPipelineDescriptor();
        var auth = InstancePipelines.Get(host.Services, OpenImTestHost.Instance + "/" + OpenImPipeline.AuthPipeline).GetPipelineDescriptor();

        Assert.Equal(["total-timeout", "retry", "circuit-breaker", "attempt-timeout"], auth.Strategies.Select(s => s.Options?.Name));
        var sendBreaker = Assert.IsType<HttpCircuitBreakerStrategyOptions>(send.Strategies[4].Options);
        var authBreaker = Assert.IsType<HttpCircuitBreakerStrategyOptions>(auth.Strategies[2].Options);
        Assert.NotSame(sendBreaker, authBreaker);
        Assert.NotNull(authBreaker.OnOpened); // followed by ProviderCircuits under its own key, so readiness sees it
    }

    [Fact]
    public async Task Pipeline_RetriesTurnedOff_HasNoRetryStrategy()
    {
        await using var host = CreateSut(new OpenImStub(), o => o.Resilience.Retry.MaxRetryAttempts = 0);

        var descriptor = InstancePipelines.Get(host.Services, OpenImTestHost.Instance).GetPipelineDescriptor();

        Assert.Equal(["total-timeout", "circuit-breaker", "attempt-timeout"], descriptor.Strategies.Select(s => s.Options?.Name));
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_RetriesBecauseNothingWasSent()
    {
        var stub = new OpenImStub().OnSend((_, _) => throw OpenImStub.ConnectionRefused());
        var clock = new FakeTimeProvider();
        await using var host = CreateSut(stub, clock: clock);

        var result = await clock.AdvanceUntilDoneAsync(host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")), Step, Limit);

        Assert.Single(result.Deliveries);
        Assert.Equal(2, stub.SendRequests.Count);
        Assert.Equal(["transport"], host.RetryReasons);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefusedEveryTime_ThrowsTransientProviderUnavailable()
    {
        var stub = new OpenImStub().OnSend((_, _) => throw OpenImStub.ConnectionRefused(), times: 3);
        var clock = new FakeTimeProvider();
        await using var host = CreateSut(stub, clock: clock);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            clock.AdvanceUntilDoneAsync(host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")), Step, Limit));

        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true, 0), (error.ErrorCode, error.IsTransient, error.Status));
        Assert.Contains("could not be reached (ConnectionError)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("openim.test", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, stub.SendRequests.Count);
        Assert.Equal(["transport", "transport"], host.RetryReasons);
    }

    [Fact]
    public async Task SendAsync_Http503_RetriesBecauseTheServerRefusedIt()
    {
        var stub = new OpenImStub().OnSend(() => OpenImStub.Status(HttpStatusCode.ServiceUnavailable));
        var clock = new FakeTimeProvider();
        await using var host = CreateSut(stub, clock: clock);

        var result = await clock.AdvanceUntilDoneAsync(host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")), Step, Limit);

        Assert.Single(result.Deliveries);
        Assert.Equal(2, stub.SendRequests.Count);
        Assert.Equal(["http_503"], host.RetryReasons);
    }

    [Fact]
    public async Task SendAsync_Http429WithShortRetryAfter_RetriesOnlyAfterTheWait()
    {
        var stub = new OpenImStub().OnSend(() => OpenImStub.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(2)));
        var clock = new FakeTimeProvider();
        await using var host = CreateSut(stub, o => o.Resilience.Retry.MaxDelay = TimeSpan.FromSeconds(5), clock);

        var send = host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));
        await Clock.UntilAsync(() => stub.SendRequests.Count == 1);
        clock.Advance(TimeSpan.FromSeconds(1.9));
        await Task.Delay(20);
        var beforeTheWait = stub.SendRequests.Count;
        var result = await clock.AdvanceUntilDoneAsync(send, Step, Limit);

        Assert.Equal(1, beforeTheWait);
        Assert.Single(result.Deliveries);
        Assert.Equal(2, stub.SendRequests.Count);
        Assert.Equal(["http_429"], host.RetryReasons);
    }

    [Fact]
    public async Task SendAsync_Http429WithRetryAfterBeyondMaxDelay_ThrowsRateLimitedWithTheWait()
    {
        var stub = new OpenImStub().OnSend(() => OpenImStub.Error(
            429, "too many requests, please try again later", status: HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(30)));
        await using var host = CreateSut(stub);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal((GatewayErrorCode.RateLimited, true, 429, "429"), (error.ErrorCode, error.IsTransient, error.Status, error.ProviderErrorCode));
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Single(stub.SendRequests);
        Assert.Empty(host.RetryReasons);
    }

    [Fact]
    public async Task SendAsync_Http429WithRetryAfterDateBeyondMaxDelay_ThrowsRateLimitedWithTheWait()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        var stub = new OpenImStub().OnSend(() =>
        {
            var response = OpenImStub.Status(HttpStatusCode.TooManyRequests);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(30));
            return response;
        });
        await using var host = CreateSut(stub, clock: clock);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            clock.AdvanceUntilDoneAsync(host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")), Step, TimeSpan.FromSeconds(5)));

        Assert.Equal(GatewayErrorCode.RateLimited, error.ErrorCode);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Single(stub.SendRequests);
    }

    [Fact]
    public async Task SendAsync_AttemptTimesOut_ThrowsTransientWithoutResending()
    {
        var stub = new OpenImStub().OnSend(static async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return OpenImStub.Sent();
        });
        var clock = new FakeTimeProvider();
        await using var host = CreateSut(stub, clock: clock);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            clock.AdvanceUntilDoneAsync(host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")), Step, Limit));

        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true, 0), (error.ErrorCode, error.IsTransient, error.Status));
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Single(stub.SendRequests);
        Assert.Empty(host.RetryReasons);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task SendAsync_Http5xxOr408_ThrowsTransientWithoutResending(HttpStatusCode status)
    {
        var stub = new OpenImStub().OnSend(() => OpenImStub.Status(status), times: 3);
        await using var host = CreateSut(stub);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true, (int)status), (error.ErrorCode, error.IsTransient, error.Status));
        Assert.Single(stub.SendRequests);
        Assert.Empty(host.RetryReasons);
    }

    [Fact]
    public async Task SendAsync_ConnectionLostAfterSending_ThrowsTransientWithoutResending()
    {
        var stub = new OpenImStub().OnSend((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."));
        await using var host = CreateSut(stub);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true), (error.ErrorCode, error.IsTransient));
        Assert.Single(stub.SendRequests);
    }

    [Fact]
    public async Task GetAdminToken_Http500_RetriesBecauseATokenRequestIsSafeToRepeat()
    {
        var stub = new OpenImStub().OnToken(() => OpenImStub.Status(HttpStatusCode.InternalServerError));
        var clock = new FakeTimeProvider();
        await using var host = CreateSut(stub, clock: clock);

        var result = await clock.AdvanceUntilDoneAsync(host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")), Step, Limit);

        Assert.Single(result.Deliveries);
        Assert.Equal(2, stub.TokenRequests.Count);
        Assert.Single(stub.SendRequests);
        Assert.Equal(["http_500"], host.RetryReasons);
    }

    [Fact]
    public async Task GetAdminToken_AttemptTimesOut_Retries()
    {
        var stub = new OpenImStub().OnToken(static async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return OpenImStub.Token("never");
        });
        var clock = new FakeTimeProvider();
        await using var host = CreateSut(stub, clock: clock);

        var token = await clock.AdvanceUntilDoneAsync(host.Tokens.GetAsync().AsTask(), Step, Limit);

        Assert.Equal("stub-token-1", token);
        Assert.Equal(2, stub.TokenRequests.Count);
        Assert.Equal(["timeout"], host.RetryReasons);
    }

    [Fact]
    public async Task SendAsync_ServerFailureCodes_OpenTheCircuit()
    {
        // errCode 500 with HTTP 200 is OpenIM's "a service behind me is down": the breaker counts it, the bus retries it.
        var stub = new OpenImStub().OnSend(() => OpenImStub.Error(500, "ServerInternalError", "grpc service msg down"), times: 2);
        await using var host = CreateSut(stub, Breaker);
        await host.Tokens.GetAsync();

        // The token call goes through the auth side pipeline; on the send pipeline 2 calls failed: the circuit opens.
        var first = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        var second = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal(("500", 200), (first.ProviderErrorCode, first.Status));
        Assert.Equal(("500", 200), (second.ProviderErrorCode, second.Status));
        Assert.Equal(ProviderCircuitState.Open, host.Provider.CircuitState);
        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true), (error.ErrorCode, error.IsTransient));
        Assert.Contains("circuit breaker is open", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, stub.SendRequests.Count);
    }

    [Fact]
    public async Task SendAsync_RecipientErrors_DoNotOpenTheCircuit()
    {
        var stub = new OpenImStub().OnSend(() => OpenImStub.Error(1004, "RecordNotFoundError", "userID not found"), times: 4);
        await using var host = CreateSut(stub, Breaker);

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "ghost")));
        }

        Assert.Equal(ProviderCircuitState.Closed, host.Provider.CircuitState);
        Assert.Equal(4, stub.SendRequests.Count);
    }

    [Fact]
    public async Task SendAsync_RateLimitSet_TakesAPermitPerSendButNoneForTheToken()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, 100, TimeSpan.Zero));
        var stub = new OpenImStub();
        await using var host = CreateSut(stub, o => o.RateLimit.RequestsPerSecond = 1, clock);

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));
        var second = host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u2"));
        await Task.Delay(20);
        var beforeTheNextSecond = stub.SendRequests.Count;
        await clock.AdvanceUntilDoneAsync(second, Step, Limit);

        Assert.Equal(1, beforeTheNextSecond);
        Assert.Equal(2, stub.SendRequests.Count);
        Assert.Single(stub.TokenRequests);
        Assert.Equal(["send"], host.RateLimitWaits);
    }

    [Fact]
    public async Task SendAsync_TwoInstances_KeepSeparateCircuits()
    {
        var stub = new OpenImStub().OnSend(() => OpenImStub.Status(HttpStatusCode.InternalServerError), times: 2);
        await using var host = CreateSut(stub, Breaker, services: s => s.AddMessagingGateway(o => o.DefaultProvider = OpenImTestHost.Instance)
            .AddOpenIm("other", o =>
            {
                o.BaseUrl = OpenImTestHost.StubBaseUrl;
                o.Secret = OpenImTestHost.StubSecret;
            }));
        await host.Tokens.GetAsync();

        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        var circuits = host.Services.GetRequiredService<ProviderCircuits>();

        Assert.Equal(ProviderCircuitState.Open, circuits.StateOf(OpenImTestHost.Instance));
        Assert.Equal(ProviderCircuitState.Closed, circuits.StateOf("other"));
    }

    // Credential requests go through the instance's auth side pipeline (openim/auth), with its own breaker: a token
    // fetch is never the trial call of the send path's half-open circuit, and never counts against its breaker.
    [Fact]
    public async Task SendAsync_HalfOpenAndTokenDue_TrialSendsAndTheBreakerDecidesOnItsAnswer()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var stub = new OpenImStub()
            .OnToken(() => OpenImStub.Token("t-short", expireTimeSeconds: 60))
            .OnSend(() => OpenImStub.Status(HttpStatusCode.InternalServerError), times: 2);
        await using var host = CreateSut(stub, o =>
        {
            Breaker(o);
            o.TokenRefreshSkew = TimeSpan.FromSeconds(10);
        }, clock);
        await host.Tokens.GetAsync();
        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        var open = host.Provider.CircuitState;
        clock.Advance(TimeSpan.FromSeconds(61));

        var trial = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        Assert.Equal(ProviderCircuitState.Open, open);
        Assert.Single(trial.Deliveries);
        Assert.Equal(2, stub.TokenRequests.Count);
        Assert.Equal(3, stub.SendRequests.Count);
        Assert.Equal(ProviderCircuitState.Closed, host.Provider.CircuitState);
    }

    [Fact]
    public async Task GetAdminToken_WhileTheSendCircuitIsHalfOpen_ReachesTheServer()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var trialAnswer = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = new OpenImStub()
            .OnSend(() => OpenImStub.Status(HttpStatusCode.InternalServerError), times: 2)
            .OnSend((_, _) => new ValueTask<HttpResponseMessage>(trialAnswer.Task));
        await using var host = CreateSut(stub, Breaker, clock);
        await host.Tokens.GetAsync();
        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        clock.Advance(TimeSpan.FromSeconds(31));
        var trial = host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));
        await Clock.UntilAsync(() => stub.SendRequests.Count == 3);
        var halfOpen = host.Provider.CircuitState;
        var refused = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        var token = await host.Tokens.RenewAsync("stub-token-1");

        trialAnswer.SetResult(OpenImStub.Sent());
        await trial;
        Assert.Equal(ProviderCircuitState.HalfOpen, halfOpen);
        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true), (refused.ErrorCode, refused.IsTransient));
        Assert.Equal("stub-token-2", token);
        Assert.Equal(2, stub.TokenRequests.Count);
        Assert.Equal(3, stub.SendRequests.Count);
        Assert.Equal(ProviderCircuitState.Closed, host.Provider.CircuitState);
    }

    [Fact]
    public async Task GetAdminToken_Failures_OpenTheAuthBreakerNotTheSendBreaker()
    {
        var stub = new OpenImStub().OnToken(() => OpenImStub.Status(HttpStatusCode.InternalServerError), times: 2);
        await using var host = CreateSut(stub, Breaker);

        await Assert.ThrowsAsync<ProviderException>(() => host.Tokens.GetAsync().AsTask());
        await Assert.ThrowsAsync<ProviderException>(() => host.Tokens.GetAsync().AsTask());
        var refused = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        var circuits = host.Services.GetRequiredService<ProviderCircuits>();
        Assert.Equal(ProviderCircuitState.Closed, circuits.StateOf(OpenImTestHost.Instance));
        Assert.Equal(ProviderCircuitState.Open, circuits.StateOf(OpenImTestHost.Instance + "/" + OpenImPipeline.AuthPipeline));
        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true), (refused.ErrorCode, refused.IsTransient));
        Assert.Contains("circuit breaker is open", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, stub.TokenRequests.Count);
        Assert.Empty(stub.SendRequests);
    }

    private static void Breaker(OpenImOptions options)
    {
        options.Resilience.Retry.MaxRetryAttempts = 0;
        options.Resilience.CircuitBreaker.MinimumThroughput = 2;
        options.Resilience.CircuitBreaker.FailureRatio = 0.5;
        options.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
    }

    private static OpenImTestHost CreateSut(
        OpenImStub stub,
        Action<OpenImOptions>? configure = null,
        FakeTimeProvider? clock = null,
        Action<IServiceCollection>? services = null) =>
        OpenImTestHost.Create(stub.Handler, configure, clock, services);
}
