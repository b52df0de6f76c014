using System.Diagnostics.Metrics;
using Gateway.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Gateway.Core.Tests.Diagnostics;

public sealed class GatewayMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public void Retried_OneRetry_RecordedByProviderAndReason()
    {
        using var retries = Collect<long>("messaging_gateway.retries");

        CreateSut().Retried("openim", "http_503");

        var retry = Assert.Single(retries.GetMeasurementSnapshot());
        Assert.Equal((1L, "openim", "http_503"), (retry.Value, retry.Tags["provider"], retry.Tags["reason"]));
    }

    [Fact]
    public void RateLimitWaited_AnyWait_RecordedInSecondsByProviderAndLimiter()
    {
        using var waits = Collect<double>("messaging_gateway.rate_limit.wait");

        CreateSut().RateLimitWaited("tencent", "group", TimeSpan.FromMilliseconds(1500));

        var wait = Assert.Single(waits.GetMeasurementSnapshot());
        Assert.Equal((1.5, "tencent", "group"), (wait.Value, wait.Tags["provider"], wait.Tags["limiter"]));
    }

    [Fact]
    public void MessageFailed_NoProvider_TagsNone()
    {
        using var failed = Collect<long>("messaging_gateway.messages.failed");

        CreateSut().MessageFailed(null, Gateway.Core.Contracts.GatewayErrorCode.InvalidMessage);

        Assert.Equal("none", Assert.Single(failed.GetMeasurementSnapshot()).Tags["provider"]);
    }

    [Fact]
    public void Constructor_MeterFactoryGiven_CreatesEveryInstrumentOnTheGatewayMeter()
    {
        var names = new List<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == GatewayDiagnostics.MeterName && instrument.Meter.Scope == _services.GetRequiredService<IMeterFactory>())
                {
                    names.Add(instrument.Name);
                }
            },
        };
        listener.Start();

        _ = CreateSut();

        Assert.Equal(
            ["messaging_gateway.messages.duplicate", "messaging_gateway.messages.failed", "messaging_gateway.messages.sent", "messaging_gateway.provider.calls", "messaging_gateway.rate_limit.wait", "messaging_gateway.retries", "messaging_gateway.send.duration"],
            names.Order(StringComparer.Ordinal).ToArray());
    }

    public void Dispose() => _services.Dispose();

    private GatewayMetrics CreateSut() => new(_services.GetRequiredService<IMeterFactory>());

    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(_services.GetRequiredService<IMeterFactory>(), GatewayDiagnostics.MeterName, instrument);
}
