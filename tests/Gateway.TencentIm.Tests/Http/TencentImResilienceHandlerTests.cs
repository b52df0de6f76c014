using System.Diagnostics.Metrics;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Sandbox.Hosting;

namespace Gateway.TencentIm.Tests.Http;

public sealed class TencentImResilienceHandlerTests
{
    private static SendMessage Text(string id = "m") => new() { MessageId = id, To = ["alice"], Content = MessageContent.FromText("hi") };

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
        using var retries = RetryCounter.For(host.Name);

        var result = await host.Provider.SendAsync(Text());

        Assert.Single(result.Deliveries);
        var requests = host.Emulator.Requests.All;
        Assert.Equal(3, requests.Count);
        Assert.Single(requests.Select(r => r.Body).Distinct());
        Assert.Equal(3, requests.Select(r => r.Query["random"]).Distinct().Count());
        Assert.Equal(2, retries.Count);
        Assert.Single(host.Emulator.Messages);
    }

    [Fact]
    public async Task SendAsync_RetryableCodeEveryTime_StopsAfterMaxRetriesAsTransient()
    {
        await using var host = await TencentImTestHost.StartAsync(o => o.Retry.MaxRetries = 2);
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

    [Fact]
    public async Task SendAsync_QuotaCodeOnce_WaitsAndRetriesTheSameBody()
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.FailNext(60007);

        var result = await host.Provider.SendAsync(Text());

        Assert.Single(result.Deliveries);
        var requests = host.Emulator.Requests.All;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 3002 && e.Message.Contains("code_60007", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_QuotaCodeEveryTime_EndsRateLimitedWithRetryAfter()
    {
        await using var host = await TencentImTestHost.StartAsync(o => o.Retry.MaxRetries = 1);
        host.Emulator.FailNext(10023, times: 5);

        var exception = await Assert.ThrowsAsync<ProviderException>(() =>
            host.Provider.SendAsync(new SendMessage { MessageId = "m", GroupId = "g1", Content = MessageContent.FromText("x") }));

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

        var result = await host.Provider.SendAsync(Text());

        Assert.Single(result.Deliveries);
        var requests = host.Emulator.Requests.All;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(408)]
    public async Task SendAsync_TransientHttpStatusOnce_Retries(int status)
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.Faults.Enqueue(Fault.Respond(status, "<html>bad gateway</html>"));

        var result = await host.Provider.SendAsync(Text());

        Assert.Single(result.Deliveries);
        Assert.Equal(2, host.Emulator.Requests.Count);
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
        await using var host = await TencentImTestHost.StartAsync(o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        host.Emulator.Faults.Enqueue(Fault.Delay(TimeSpan.FromSeconds(10)));

        var result = await host.Provider.SendAsync(Text());

        Assert.Single(result.Deliveries);
        Assert.Equal(2, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_EveryAttemptTooSlow_StopsAtTheTotalTimeout()
    {
        await using var host = await TencentImTestHost.StartAsync(o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.Resilience.TotalTimeout = TimeSpan.FromMilliseconds(700);
            o.Retry.MaxRetries = 10;
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
            o.Retry.MaxRetries = 0;
            o.Resilience.MinimumThroughput = 2;
            o.Resilience.FailureRatio = 0.5;
            o.Resilience.BreakDuration = TimeSpan.FromMinutes(1);
        });
        host.Emulator.FailNext(70500, times: 100);
        var source = Assert.IsAssignableFrom<ICircuitStateSource>(host.Provider);

        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text("m1")));
        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text("m2")));
        var refused = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text("m3")));

        Assert.Equal(ProviderCircuitState.Open, source.CircuitState);
        Assert.Equal(GatewayErrorCode.ProviderUnavailable, refused.ErrorCode);
        Assert.True(refused.IsTransient);
        Assert.NotNull(refused.RetryAfter);
        Assert.Contains("circuit is open", refused.Message, StringComparison.Ordinal);
        Assert.Equal(2, host.Emulator.Requests.Count);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 3004);
    }

    [Fact]
    public async Task CircuitState_Healthy_IsClosed()
    {
        await using var host = await TencentImTestHost.StartAsync();

        await host.Provider.SendAsync(Text());

        Assert.Equal(ProviderCircuitState.Closed, Assert.IsAssignableFrom<ICircuitStateSource>(host.Provider).CircuitState);
    }

    /// <summary>Counts <c>messaging_gateway.retries</c> measurements of one provider instance.</summary>
    private sealed class RetryCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _count;

        private RetryCounter(string provider)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "MessagingGateway" && instrument.Name == "messaging_gateway.retries")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "provider" && (string?)tag.Value == provider)
                    {
                        Interlocked.Add(ref _count, (int)value);
                    }
                }
            });
            _listener.Start();
        }

        public int Count => Volatile.Read(ref _count);

        public static RetryCounter For(string provider) => new(provider);

        public void Dispose() => _listener.Dispose();
    }
}
