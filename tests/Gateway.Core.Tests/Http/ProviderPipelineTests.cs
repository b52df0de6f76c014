using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Gateway.Core.Diagnostics;
using Gateway.Core.Http;
using Gateway.Core.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.Testing;

namespace Gateway.Core.Tests.Http;

/// <summary>
/// The shared provider pipeline by behaviour, on a fake clock, over an in-memory rate-limit store: the quota strategy
/// sits twice, outermost for the first attempt (so waiting for a busy quota is never a timeout) and inside the retry
/// for the retries (so every retry takes its permits too).
/// </summary>
public sealed class ProviderPipelineTests : IDisposable
{
    // 30 s into an aligned minute, at the start of an aligned second.
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 30, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly GatewayMetrics _metrics;
    private readonly MetricCollector<double> _waits;
    private readonly ConcurrentQueue<DateTimeOffset> _attempts = new();

    public ProviderPipelineTests()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        _metrics = new GatewayMetrics(meters);
        _waits = new MetricCollector<double>(meters, GatewayDiagnostics.MeterName, "messaging_gateway.rate_limit.wait");
        Limiter = new WindowRateLimiter(new InMemoryRateLimitStore(_time), _time, _metrics);
    }

    private WindowRateLimiter Limiter { get; }

    [Fact]
    public void AddStrategies_WithQuotas_PaysTheFirstAttemptOutsideTheTimeoutsAndRetriesInsideTheRetry()
    {
        var quota = PerSecond(1);

        var strategies = CreateSut(quota).GetPipelineDescriptor().Strategies;

        Assert.Equal(
            ["quota", "total-timeout", "retry", "quota-retries", "circuit-breaker", "attempt-timeout"],
            strategies.Select(s => s.Options?.Name));
        var first = Assert.IsType<QuotaStrategyOptions>(strategies[0].Options);
        var retries = Assert.IsType<QuotaStrategyOptions>(strategies[3].Options);
        Assert.Equal(("primary", "primary"), (first.Instance, retries.Instance));
        Assert.Same(first.Limiter, retries.Limiter);
    }

    [Fact]
    public void AddStrategies_WithoutQuotas_IsTheStandardOrder()
    {
        var strategies = CreateSut(quota: null).GetPipelineDescriptor().Strategies;

        Assert.Equal(["total-timeout", "retry", "circuit-breaker", "attempt-timeout"], strategies.Select(s => s.Options?.Name));
    }

    [Fact]
    public async Task ExecuteAsync_PerMinuteQuotaOpensAfter90sWithTotalTimeout60s_StillSends()
    {
        // One permit per aligned minute; this minute's is taken. Two calls queue for it: one gets the next minute's
        // permit 30 s from now, the other the one after, 90 s from now — beyond the 60 s total timeout.
        var quota = PerMinute(1);
        await Limiter.AcquireAsync(quota.Window, 1, "primary", quota.Limiter);
        var pipeline = CreateSut(quota, o => o.TotalTimeout = TimeSpan.FromSeconds(60));

        var calls = new[] { ExecuteAsync(pipeline, Answer(HttpStatusCode.OK)), ExecuteAsync(pipeline, Answer(HttpStatusCode.OK)) };
        var answers = await AdvanceUntilDoneAsync(Task.WhenAll(calls), TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(1));

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        var sent = _attempts.Order().ToArray();
        Assert.Equal(2, sent.Length);
        Assert.InRange(sent[0] - Start, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(31));
        Assert.InRange(sent[1] - Start, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(91));
    }

    [Fact]
    public async Task ExecuteAsync_FirstAttempt_TakesItsPermitsOnce()
    {
        // One permit per second: had the inner quota strategy charged the first attempt again, it would wait a second.
        var pipeline = CreateSut(PerSecond(1));

        var status = await ExecuteAsync(pipeline, Answer(HttpStatusCode.OK));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([Start], _attempts);
        Assert.Empty(_waits.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task ExecuteAsync_Retry_WaitsForItsOwnPermits()
    {
        var pipeline = CreateSut(PerSecond(1));

        var status = await AdvanceUntilDoneAsync(ExecuteAsync(pipeline, Answer(HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK)), TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, status);
        var attempts = _attempts.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.Equal(Start, attempts[0]);

        // The first attempt took this second's permit; the retry (after a few milliseconds of backoff) waited for the next.
        Assert.InRange(attempts[1] - Start, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5));
        var wait = Assert.Single(_waits.GetMeasurementSnapshot());
        Assert.Equal(("primary", "send"), (wait.Tags["provider"], wait.Tags["limiter"]));
    }

    [Fact]
    public async Task ExecuteAsync_RetriesWithoutQuotaToWaitFor_AreNotHeldBack()
    {
        var pipeline = CreateSut(PerSecond(10));

        var status = await AdvanceUntilDoneAsync(ExecuteAsync(pipeline, Answer(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK)), TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, _attempts.Count);
        Assert.All(_attempts, at => Assert.InRange(at - Start, TimeSpan.Zero, TimeSpan.FromMilliseconds(900)));
        Assert.Empty(_waits.GetMeasurementSnapshot());
    }

    [Fact]
    public void IsTransientHttp_ConnectionBrokeWhileReadingTheAnswer_IsTransient()
    {
        Assert.True(ProviderPipeline.IsTransientHttp(Outcome.FromException<HttpResponseMessage>(new HttpIOException(HttpRequestError.ResponseEnded))));
        Assert.True(ProviderPipeline.IsTransientHttp(Outcome.FromException<HttpResponseMessage>(new IOException("connection reset"))));
        Assert.False(ProviderPipeline.IsTransientHttp(Outcome.FromException<HttpResponseMessage>(new InvalidOperationException())));
    }

    public void Dispose()
    {
        _waits.Dispose();
        _services.Dispose();
    }

    private static QuotaDemand PerSecond(int limit) => new(new RateLimitWindow("fake:primary:send", limit, TimeSpan.FromSeconds(1), TimeSpan.Zero), 1, "send");

    private static QuotaDemand PerMinute(int limit) => new(new RateLimitWindow("fake:primary:batch", limit, TimeSpan.FromMinutes(1), TimeSpan.Zero), 1, "batch");

    /// <summary>Answers the attempts in order with <paramref name="statuses"/> (the last one repeats).</summary>
    private static Func<int, HttpStatusCode> Answer(params HttpStatusCode[] statuses) => attempt => statuses[Math.Min(attempt, statuses.Length - 1)];

    private async Task<HttpStatusCode> ExecuteAsync(ResiliencePipeline<HttpResponseMessage> pipeline, Func<int, HttpStatusCode> answer)
    {
        var attempt = -1;
        using var response = await pipeline.ExecuteAsync(
            _ =>
            {
                _attempts.Enqueue(_time.GetUtcNow());
                return ValueTask.FromResult(new HttpResponseMessage(answer(Interlocked.Increment(ref attempt))));
            },
            CancellationToken.None);
        return response.StatusCode;
    }

    private async Task<T> AdvanceUntilDoneAsync<T>(Task<T> task, TimeSpan limit, TimeSpan? step = null)
    {
        var advanced = TimeSpan.Zero;
        while (!task.IsCompleted && advanced <= limit)
        {
            await Task.Delay(1);
            _time.Advance(step ?? Step);
            advanced += step ?? Step;
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private ResiliencePipeline<HttpResponseMessage> CreateSut(QuotaDemand? quota, Action<ProviderResilienceOptions>? configure = null)
    {
        var options = new ProviderResilienceOptions
        {
            TotalTimeout = TimeSpan.FromSeconds(30),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            Retry = { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
        };
        configure?.Invoke(options);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        ProviderPipeline.AddStrategies(
            builder,
            new ProviderPipelineSettings
            {
                Instance = "primary",
                Options = options,
                ShouldRetry = static (_, outcome) => ProviderPipeline.IsTransientHttp(outcome),
                IsFailure = static (_, outcome) => ProviderPipeline.IsTransientHttp(outcome),
                Reason = static (_, outcome) => ProviderPipeline.TransportReason(outcome),
                Quotas = quota is { } demand
                    ? new QuotaStrategyOptions { Limiter = Limiter, Instance = "primary", Demands = _ => [demand] }
                    : null,
            },
            new ProviderCircuits(),
            _metrics);
        return builder.Build();
    }
}
