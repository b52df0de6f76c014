using Gateway.Core.Contracts;
using Gateway.Core.RateLimiting;
using Gateway.Testing;
using Gateway.TencentIm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.TencentIm.Tests.Internal;

public sealed class TencentImQuotasTests
{
    [Fact]
    public async Task SendAsync_Batch_TakesOnePermitPerRecipientPerMinuteThenTheApiPermit()
    {
        // A fixed clock, 500 ms into a second: the windows stay open, so the auth handler takes no permit again.
        var store = new RecordingRateLimitStore();
        await using var host = await TencentImTestHost.StartAsync(clock: TencentImTestHost.NewClock(), services: (s, _) => s.AddSingleton<IRateLimitStore>(store));

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "a", "b", "c"));

        Assert.Equal(
            [
                (new RateLimitWindow("tencent:1400000000:batch_recipients", 12_000, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(50)), 3),
                (new RateLimitWindow("tencent:1400000000:batchsendmsg", 200, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50)), 1),
            ],
            store.Takes);
    }

    [Fact]
    public async Task SendAsync_Group_TakesAPermitOfTheGroupThenTheApiPermit()
    {
        var store = new RecordingRateLimitStore();
        await using var host = await TencentImTestHost.StartAsync(clock: TencentImTestHost.NewClock(), services: (s, _) => s.AddSingleton<IRateLimitStore>(store));

        await host.Provider.SendAsync(Samples.OutboundToGroup(Samples.TextContent(), "@TGS#1"));

        Assert.Equal(
            [
                (new RateLimitWindow("tencent:1400000000:group:@TGS#1", 40, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50)), 1),
                (new RateLimitWindow("tencent:1400000000:send_group_msg", 200, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50)), 1),
            ],
            store.Takes);
    }

    [Fact]
    public async Task SendAsync_Retry_TakesItsPermitsAgain()
    {
        var clock = TencentImTestHost.NewClock();
        var store = new RecordingRateLimitStore();
        await using var host = await TencentImTestHost.StartAsync(clock: clock, services: (s, _) => s.AddSingleton<IRateLimitStore>(store));
        host.Emulator.FailNext(70500);

        await Clock.DriveAsync(clock, host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "a", "b")), TimeSpan.FromMilliseconds(5));

        Assert.Equal(2, host.Emulator.Requests.Count);
        Assert.Equal(["batch_recipients", "batchsendmsg", "batch_recipients", "batchsendmsg"], store.Takes.Select(t => t.Window.Key.Split(':')[^1]));
    }

    [Fact]
    public async Task SendAsync_BatchesOverThePerMinuteQuota_WaitForTheNextMinute()
    {
        var clock = TencentImTestHost.NewClock();
        await using var host = await TencentImTestHost.StartAsync(
            o =>
            {
                o.BatchSize = 50;
                o.RateLimit.BatchRecipientsPerMinute = 100;
            },
            emulator: o => o.BatchRecipientsPerMinute = 0,
            clock: clock);
        using var waits = host.Collect<double>("messaging_gateway.rate_limit.wait");
        var users = Enumerable.Range(0, 150).Select(i => "u" + i).ToArray();

        var send = host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), users));
        await Clock.RequestsAsync(host.Emulator, 2);
        Assert.Equal(2, host.Emulator.Requests.Count); // 100 recipients in this minute; the third chunk of 50 waits

        // The next minute opens (after its guard) 59.55 s later; the call's timeouts start once its permits are taken.
        clock.Advance(TimeSpan.FromSeconds(59.6));
        var result = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(150, result.Deliveries.Count);
        Assert.Equal(3, host.Emulator.Requests.Count);
        var wait = Assert.Single(waits.GetMeasurementSnapshot());
        Assert.Equal("batch_recipients", wait.Tags["limiter"]);
        Assert.InRange(wait.Value, 59.5, 59.6);
    }

    [Fact]
    public async Task SendAsync_BatchWaitsForTheNextMinuteLongerThanTheTotalTimeout_StillSends()
    {
        // The first attempt's quota wait is paid before the timeouts start: waiting 59.55 s for the next minute's
        // recipients is throttling, not a 30 s total timeout of a call that was not even sent.
        var clock = TencentImTestHost.NewClock();
        await using var host = await TencentImTestHost.StartAsync(
            o =>
            {
                o.BatchSize = 50;
                o.RateLimit.BatchRecipientsPerMinute = 100;
                o.Resilience.TotalTimeout = TimeSpan.FromSeconds(30);
            },
            emulator: o => o.BatchRecipientsPerMinute = 0,
            clock: clock);
        var users = Enumerable.Range(0, 150).Select(i => "u" + i).ToArray();

        var send = host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), users));
        await Clock.RequestsAsync(host.Emulator, 2);
        clock.Advance(TimeSpan.FromSeconds(59.6));
        var result = await send.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(150, result.Deliveries.Count);
        Assert.Empty(result.FailedRecipients);
        Assert.Equal(3, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_GroupMessagesOverThePerGroupQuota_WaitForTheNextSecond()
    {
        var clock = TencentImTestHost.NewClock();
        await using var host = await TencentImTestHost.StartAsync(o => o.RateLimit.GroupMessagesPerSecond = 5, clock: clock);

        var sends = Enumerable.Range(0, 6).Select(_ => host.Provider.SendAsync(Samples.OutboundToGroup(Samples.TextContent(), "g1"))).ToList();
        await Clock.RequestsAsync(host.Emulator, 5);
        Assert.Equal(5, host.Emulator.Requests.Count);
        var other = await host.Provider.SendAsync(Samples.OutboundToGroup(Samples.TextContent(), "g2")).WaitAsync(TimeSpan.FromSeconds(10)); // another group is not held
        clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(other.Deliveries);
        Assert.Equal(7, host.Emulator.Requests.Count);
    }

    // The emulator counts aligned seconds, as Core's limiter and its guard assume Tencent does. The instance still runs at
    // 30 % of the emulator's quota: on two cores the arrival times of a 2000-request burst skew by a few hundred
    // milliseconds, more than the 50 ms guard, so a request counted late in second k may reach the emulator in k+1.
    [Fact]
    public async Task SendAsync_BurstOf2000SingleSends_GetsNoRateLimitAnswerFromAStrictQuota()
    {
        await using var host = await TencentImTestHost.StartAsync(o => o.RateLimit.RequestsPerSecond = 300, emulator: o => o.RequestsPerSecond = 1000);
        using var waits = host.Collect<double>("messaging_gateway.rate_limit.wait");

        var sends = Enumerable.Range(0, 2000).Select(i => host.Provider.SendAsync(
            Samples.Outbound(MessageContent.FromText("burst " + i), "user" + (i % 50)) with { MessageId = "burst-" + i }));
        var results = await Task.WhenAll(sends);

        Assert.Equal(0, host.Emulator.RateLimitRejections);
        Assert.DoesNotContain(
            host.Emulator.Requests.All,
            r => System.Text.Json.Nodes.JsonNode.Parse(r.ResponseBody!)!["ErrorCode"]!.GetValue<int>() is 60007 or 60011);
        Assert.Equal(2000, host.Emulator.Requests.Count);
        Assert.Equal(2000, host.Emulator.Messages.Count);
        Assert.All(results, r => Assert.Single(r.Deliveries));
        Assert.NotEmpty(waits.GetMeasurementSnapshot()); // waiting for permits is reported on messaging_gateway.rate_limit.wait
    }

    [Fact]
    public async Task SendAsync_BurstToOneGroup_StaysUnderThePerGroupQuota()
    {
        await using var host = await TencentImTestHost.StartAsync(o => o.RateLimit.GroupMessagesPerSecond = 40, emulator: o => o.GroupMessagesPerSecond = 80);

        var sends = Enumerable.Range(0, 90).Select(i => host.Provider.SendAsync(
            Samples.OutboundToGroup(MessageContent.FromText("burst " + i), "g1") with { MessageId = "group-burst-" + i }));
        await Task.WhenAll(sends);

        Assert.Equal(0, host.Emulator.RateLimitRejections);
        Assert.Equal(90, host.Emulator.Messages.Count);
    }

    [Fact]
    public void Demands_RequestWithoutAnApi_CostsNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1/");

        Assert.Empty(TencentIm.Internal.TencentImQuotas.Demands(request, new TencentImOptions()));
        Assert.Empty(TencentIm.Internal.TencentImQuotas.Demands(null, new TencentImOptions()));
    }
}
