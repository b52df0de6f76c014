using System.Diagnostics.Metrics;
using Gateway.Core.Diagnostics;
using Gateway.Core.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Core.Tests.RateLimiting;

public sealed class WindowRateLimiterTests : IDisposable
{
    private static readonly RateLimitWindow Window = new("openim:sendmsg", 1, TimeSpan.FromSeconds(1), TimeSpan.Zero);

    // 100 ms into an aligned second.
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_772_000_000_100));
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MetricCollector<double> _waits;

    public WindowRateLimiterTests()
    {
        _waits = new MetricCollector<double>(_services.GetRequiredService<IMeterFactory>(), GatewayDiagnostics.MeterName, "messaging_gateway.rate_limit.wait");
    }

    [Fact]
    public async Task AcquireAsync_PermitFree_ReturnsAtOnceAndRecordsNoWait()
    {
        var limiter = CreateSut();

        var waited = await limiter.AcquireAsync(Window, 1, "openim", "sendmsg");

        Assert.Equal(TimeSpan.Zero, waited);
        Assert.Empty(_waits.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task AcquireAsync_WindowFull_WaitsForTheNextWindowAndRecordsTheWait()
    {
        var limiter = CreateSut();
        await limiter.AcquireAsync(Window, 1, "openim", "sendmsg");

        var second = limiter.AcquireAsync(Window, 1, "openim", "sendmsg").AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(899));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var waited = await second;

        Assert.Equal(TimeSpan.FromMilliseconds(900), waited);
        var measurement = Assert.Single(_waits.GetMeasurementSnapshot());
        Assert.Equal((0.9, "openim", "sendmsg"), (measurement.Value, measurement.Tags["provider"], measurement.Tags["limiter"]));
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_Throws()
    {
        var limiter = CreateSut();
        await limiter.AcquireAsync(Window, 1, "openim", "sendmsg");
        using var cancellation = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(Window, 1, "openim", "sendmsg", cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Empty(_waits.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task AcquireAsync_MorePermitsThanTheLimit_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => CreateSut().AcquireAsync(Window, 2, "openim", "sendmsg").AsTask());
    }

    public void Dispose()
    {
        _waits.Dispose();
        _services.Dispose();
    }

    private WindowRateLimiter CreateSut() =>
        new(new InMemoryRateLimitStore(_time), _time, new GatewayMetrics(_services.GetRequiredService<IMeterFactory>()));
}
