using System.Globalization;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Core.RateLimiting;
using Gateway.Sandbox.TencentIm;
using Gateway.Testing;
using Gateway.TencentIm.Auth;
using Gateway.TencentIm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.TencentIm.Tests.Auth;

public sealed class TencentImAuthHandlerTests
{
    private static Core.Messages.OutboundMessage Text(string id) => Samples.Outbound(Samples.TextContent("hi")) with { MessageId = id };

    [Fact]
    public async Task SendAsync_Request_CarriesExactlyTheFiveSignatureParameters()
    {
        await using var host = await TencentImTestHost.StartAsync();

        await host.Provider.SendAsync(Text("m"));

        var query = Assert.Single(host.Emulator.Requests.All).Query;
        Assert.Equal(["sdkappid", "identifier", "usersig", "random", "contenttype"], query.Keys);
        Assert.Equal("1400000000", query["sdkappid"]);
        Assert.Equal("administrator", query["identifier"]);
        Assert.Equal("json", query["contenttype"]);
        Assert.True(uint.TryParse(query["random"], NumberStyles.None, CultureInfo.InvariantCulture, out _));
        Assert.Equal(UserSigCheck.Valid, TencentUserSig.Verify(query["usersig"], 1_400_000_000, "administrator", TencentImEmulatorOptions.SampleSecretKey, TimeProvider.System.GetUtcNow()));
    }

    [Fact]
    public async Task SendAsync_EachRequest_GetsANewRandomButTheSameCachedUserSig()
    {
        await using var host = await TencentImTestHost.StartAsync();

        for (var i = 0; i < 5; i++)
        {
            await host.Provider.SendAsync(Text("m" + i));
        }

        var queries = host.Emulator.Requests.All.Select(r => r.Query).ToList();
        Assert.Equal(5, queries.Select(q => q["random"]).Distinct().Count());
        Assert.Single(queries.Select(q => q["usersig"]).Distinct());
    }

    [Fact]
    public async Task SendAsync_OtherAdminIdentifier_SignsForThatIdentifier()
    {
        await using var host = await TencentImTestHost.StartAsync(o => o.AdminIdentifier = "ops_admin", emulator: o => o.AdminIdentifiers.Add("ops_admin"));

        await host.Provider.SendAsync(Text("m"));

        var query = Assert.Single(host.Emulator.Requests.All).Query;
        Assert.Equal("ops_admin", query["identifier"]);
        TencentUserSig.TryDecode(query["usersig"], out var document);
        Assert.Equal("ops_admin", document!.Identifier);
        Assert.Equal("ops_admin", Assert.Single(host.Emulator.Messages).From); // without From_Account the admin of the call is the sender
    }

    [Fact]
    public async Task SendAsync_UserSigRejectedOnce_RenewsItAndReplaysTheSameRequestOnce()
    {
        var clock = TencentImTestHost.NewClock();
        await using var host = await TencentImTestHost.StartAsync(clock: clock);
        await host.Provider.SendAsync(Text("m1"));
        clock.Advance(TimeSpan.FromSeconds(10));
        host.Emulator.FailNext(70001, TencentImEmulator.SendMsgPath);
        using var retries = host.Collect<long>("messaging_gateway.retries");

        var result = await host.Provider.SendAsync(Text("m2"));

        Assert.Single(result.Deliveries);
        var requests = host.Emulator.Requests.All;
        Assert.Equal(3, requests.Count);
        Assert.Equal(requests[1].Body, requests[2].Body);
        Assert.NotEqual(requests[1].Query["random"], requests[2].Query["random"]);
        TencentUserSig.TryDecode(requests[1].Query["usersig"], out var rejected);
        TencentUserSig.TryDecode(requests[2].Query["usersig"], out var renewed);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds() - 10, rejected!.Time);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds(), renewed!.Time);
        Assert.Equal(2, host.Services.GetRequiredKeyedService<UserSigCache>(host.Name).Issued);
        Assert.Equal("usersig_refresh", Assert.Single(retries.GetMeasurementSnapshot()).Tags["reason"]);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 3001);
    }

    [Fact]
    public async Task SendAsync_UserSigReplay_TakesItsOwnQuotaPermits()
    {
        // A fixed clock, 500 ms into a second: the window stays open, so no permit is taken again before sending.
        var store = new RecordingRateLimitStore();
        await using var host = await TencentImTestHost.StartAsync(clock: TencentImTestHost.NewClock(), services: (s, _) => s.AddSingleton<IRateLimitStore>(store));
        host.Emulator.FailNext(70001, TencentImEmulator.SendMsgPath);

        await host.Provider.SendAsync(Text("m"));

        Assert.Equal(2, host.Emulator.Requests.Count);
        Assert.Equal(["tencent:1400000000:sendmsg", "tencent:1400000000:sendmsg"], store.Takes.Select(t => t.Window.Key));
    }

    [Fact]
    public async Task SendAsync_LateIntoTheNextSecondAfterItsPermit_TakesAPermitOfTheCurrentSecondBeforeSending()
    {
        // The request gets late between its permit and the wire (here: the clock moves 1 s right after the first take),
        // so it would reach Tencent in the next second, on top of that second's quota: it takes that second's permit.
        var clock = TencentImTestHost.NewClock();
        var store = new RecordingRateLimitStore { AfterTake = index => clock.Advance(index == 0 ? TimeSpan.FromSeconds(1) : TimeSpan.Zero) };
        await using var host = await TencentImTestHost.StartAsync(clock: clock, services: (s, _) => s.AddSingleton<IRateLimitStore>(store));

        await host.Provider.SendAsync(Text("m"));

        Assert.Single(host.Emulator.Requests.All);
        Assert.Equal(["tencent:1400000000:sendmsg", "tencent:1400000000:sendmsg"], store.Takes.Select(t => t.Window.Key));
    }

    [Fact]
    public async Task SendAsync_OnTimeInItsWindow_TakesItsPermitOnce()
    {
        var store = new RecordingRateLimitStore();
        await using var host = await TencentImTestHost.StartAsync(clock: TencentImTestHost.NewClock(), services: (s, _) => s.AddSingleton<IRateLimitStore>(store));

        await host.Provider.SendAsync(Text("m"));

        Assert.Equal(["tencent:1400000000:sendmsg"], store.Takes.Select(t => t.Window.Key));
    }

    [Fact]
    public async Task SendAsync_UserSigsInvalidatedOnTheServer_RecoversWithANewUserSig()
    {
        var clock = TencentImTestHost.NewClock();
        await using var host = await TencentImTestHost.StartAsync(clock: clock);
        await host.Provider.SendAsync(Text("m1"));
        host.Emulator.InvalidateUserSigs();
        clock.Advance(TimeSpan.FromSeconds(1));

        await host.Provider.SendAsync(Text("m2"));

        var answers = host.Emulator.Requests.All.Select(r => r.ResponseBody!).ToList();
        Assert.Contains("70052", answers[1], StringComparison.Ordinal);
        Assert.Contains("\"OK\"", answers[2], StringComparison.Ordinal);
        Assert.Equal(2, host.Emulator.Messages.Count);
    }

    [Theory]
    [InlineData(70001)]
    [InlineData(70009)]
    [InlineData(70052)]
    [InlineData(60004)]
    public async Task SendAsync_UserSigRejectedTwice_ReplaysOnlyOnceThenUnauthorized(int code)
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.FailNext(code, TencentImEmulator.SendMsgPath, times: 2);

        var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text("m")));

        Assert.Equal(GatewayErrorCode.Unauthorized, exception.ErrorCode);
        Assert.False(exception.IsTransient);
        Assert.Equal(code.ToString(CultureInfo.InvariantCulture), exception.ProviderErrorCode);
        Assert.Equal(2, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_InternalAuthFailed20002Twice_RenewsOnceThenRetriesAsTransient()
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.FailNext(20002, TencentImEmulator.SendMsgPath, times: 2);

        var result = await host.Provider.SendAsync(Text("m"));

        Assert.Single(result.Deliveries);
        Assert.Equal(3, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_InternalAuthFailedOnRetriesToo_RenewsTheUserSigOncePerCallNotPerAttempt()
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.FailNext(20002, TencentImEmulator.SendMsgPath, times: 3);

        var result = await host.Provider.SendAsync(Text("m"));

        Assert.Single(result.Deliveries);
        Assert.Equal(4, host.Emulator.Requests.Count);
        Assert.Equal(2, host.Services.GetRequiredKeyedService<UserSigCache>(host.Name).Issued);
    }
}
