using System.Diagnostics.Metrics;
using Gateway.Core.Contracts;
using Gateway.TencentIm.RateLimiting;

namespace Gateway.TencentIm.Tests.RateLimiting;

public sealed class TencentImRateLimiterTests
{
    [Fact]
    public async Task SendAsync_BurstOf2000SingleSends_GetsNoRateLimitAnswerFromAStrictQuota()
    {
        await using var host = await TencentImTestHost.StartAsync(emulator: o => o.RequestsPerSecond = 200);
        using var waits = WaitRecorder.For(host.Name);

        var sends = Enumerable.Range(0, 2000).Select(i => host.Provider.SendAsync(new SendMessage
        {
            MessageId = "burst-" + i,
            To = ["user" + (i % 50)],
            Content = MessageContent.FromText("burst " + i),
        }));
        var results = await Task.WhenAll(sends);

        Assert.Equal(0, host.Emulator.RateLimitRejections);
        Assert.DoesNotContain(
            host.Emulator.Requests.All,
            r => System.Text.Json.Nodes.JsonNode.Parse(r.ResponseBody!)!["ErrorCode"]!.GetValue<int>() is 60007 or 60011);
        Assert.Equal(2000, host.Emulator.Requests.Count);
        Assert.Equal(2000, host.Emulator.Messages.Count);
        Assert.All(results, r => Assert.Single(r.Deliveries));
        Assert.True(waits.Count > 0, "waiting for permits is reported on messaging_gateway.rate_limit.wait");
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 3003 && e.Level == Microsoft.Extensions.Logging.LogLevel.Debug);
    }

    [Fact]
    public async Task SendAsync_BurstToOneGroup_StaysUnderThePerGroupQuota()
    {
        await using var host = await TencentImTestHost.StartAsync(emulator: o => o.GroupMessagesPerSecond = 40);

        var sends = Enumerable.Range(0, 90).Select(i => host.Provider.SendAsync(new SendMessage
        {
            MessageId = "group-burst-" + i,
            GroupId = "g1",
            Content = MessageContent.FromText("burst " + i),
        }));
        await Task.WhenAll(sends);

        Assert.Equal(0, host.Emulator.RateLimitRejections);
        Assert.Equal(90, host.Emulator.Messages.Count);
    }

    [Theory]
    [InlineData(5, 1, 1, 0.2)]
    [InlineData(40, 1, 1, 0.2)]
    [InlineData(200, 1, 1, 0.2)]
    [InlineData(200, 1, 1, 0.0)]
    [InlineData(1000, 1, 1, 0.2)]
    [InlineData(100_000, 1, 1, 0.2)]
    [InlineData(12_000, 60, 500, 0.2)]
    [InlineData(1_000, 60, 250, 0.2)]
    [InlineData(100, 60, 25, 0.5)]
    public void Create_AnyQuota_GrantsAtMostTheQuotaMinusTheMarginInAnyWindow(int quota, int windowSeconds, int minBurst, double margin)
    {
        var window = TimeSpan.FromSeconds(windowSeconds);

        var options = QuotaBuckets.Create(quota, window, margin, minBurst);

        // Time-proportional refill: capacity, one window of refill, and one more capacity after an idle spell.
        var worst = (2L * options.TokenLimit) + (options.TokensPerPeriod * (window / options.ReplenishmentPeriod));
        Assert.True(worst <= quota * (1 - margin), $"up to {worst} permits in one window for a quota of {quota}");
        Assert.Equal((long)worst, QuotaBuckets.WorstCaseInWindow(options));
        Assert.False(options.AutoReplenishment);
        Assert.True(options.TokenLimit >= Math.Min(minBurst, (quota - 1) / 2) || options.TokenLimit >= 1);
        Assert.True(options.TokensPerPeriod >= 1);
    }

    [Fact]
    public void Create_TencentDefault_SustainsAtLeastSeventyPercentOfTheQuota()
    {
        var options = QuotaBuckets.Create(200, TimeSpan.FromSeconds(1), 0.2);

        Assert.InRange(options.TokensPerPeriod, 140, 160);
    }

    [Fact]
    public void Create_RecipientsPerMinute_HoldsAWholeChunkOfFiveHundred()
    {
        var options = QuotaBuckets.Create(12_000, TimeSpan.FromMinutes(1), 0.2, minBurst: 500);

        Assert.Equal(500, options.TokenLimit);
        Assert.Equal(8_600, options.TokensPerPeriod);
    }

    /// <summary>Counts <c>messaging_gateway.rate_limit.wait</c> measurements of one provider instance.</summary>
    private sealed class WaitRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _count;

        private WaitRecorder(string provider)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "MessagingGateway" && instrument.Name == "messaging_gateway.rate_limit.wait")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "provider" && (string?)tag.Value == provider)
                    {
                        Interlocked.Increment(ref _count);
                    }
                }
            });
            _listener.Start();
        }

        public int Count => Volatile.Read(ref _count);

        public static WaitRecorder For(string provider) => new(provider);

        public void Dispose() => _listener.Dispose();
    }
}
