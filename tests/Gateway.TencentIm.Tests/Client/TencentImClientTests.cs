using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Testing;
using Gateway.TencentIm.Auth;
using Gateway.TencentIm.Client;
using Gateway.TencentIm.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.TencentIm.Tests.Client;

public sealed class TencentImClientTests
{
    private static StubHandler Answering(string json) => new(_ => StubHandler.Json(json));

    [Fact]
    public async Task SendAsync_PrimaryHandlerReplacedLikeTheRenderVerb_CapturesTheSignedRequestAndSendsNothing()
    {
        var stub = Answering("""{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MsgTime":1767225600,"MsgKey":"1_2_3"}""");
        await using var host = await TencentImTestHost.StartAsync(services: (s, _) =>
            s.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => stub)));

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent()) with { MessageId = "m-wire" });

        Assert.Equal("1_2_3", Assert.Single(result.Deliveries).ProviderMessageKey);
        Assert.Equal(0, host.Emulator.Requests.Count);
        var request = Assert.Single(stub.Requests);
        Assert.Equal(host.Emulator.BaseAddress + "v4/openim/sendmsg", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Contains("sdkappid=1400000000&identifier=administrator&usersig=", request.Uri.Query, StringComparison.Ordinal);
        Assert.EndsWith("&contenttype=json", request.Uri.Query, StringComparison.Ordinal);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        JsonAssert.Equal("""
            {"To_Account":"alice","MsgSeq":2487001978,"MsgRandom":3711082910,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hello"}}]}
            """, request.Body);
    }

    [Fact]
    public async Task SendAsync_AfterHandlerRotation_KeepsTheInstanceUserSigAndBreaker()
    {
        var built = 0;
        await using var host = await TencentImTestHost.StartAsync(services: (s, _) =>
            s.AddHttpClient(typeof(TencentImClient).FullName!)
                .SetHandlerLifetime(TimeSpan.FromSeconds(1))
                .ConfigurePrimaryHttpMessageHandler(() =>
                {
                    Interlocked.Increment(ref built);
                    return new HttpClientHandler();
                }));

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent()));
        for (var i = 0; i < 40 && Volatile.Read(ref built) < 2; i++)
        {
            await Task.Delay(100);
            await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent()));
        }

        Assert.True(Volatile.Read(ref built) >= 2, "the factory rotated the handler");
        Assert.Equal(1, host.Services.GetRequiredKeyedService<UserSigCache>(host.Name).Issued);
        Assert.Single(host.Emulator.Requests.All.Select(r => r.Query["usersig"]).Distinct());
        Assert.Equal(ProviderCircuitState.Closed, host.Provider.CircuitState);
    }

    [Fact]
    public async Task SendAsync_FailWithErrorCodeZero_IsDecidedOnErrorCodeAsSent()
    {
        var stub = Answering("""{"ActionStatus":"FAIL","ErrorCode":0,"ErrorInfo":"","MsgTime":1767225600,"MsgKey":"1_2_3"}""");
        await using var host = await TencentImTestHost.StartAsync(services: (s, _) =>
            s.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => stub)));

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent()));

        Assert.Equal("1_2_3", Assert.Single(result.Deliveries).ProviderMessageKey);
    }

    [Fact]
    public async Task SendAsync_JsonWithoutAnyEnvelopeField_IsNotATencentAnswer()
    {
        var stub = Answering("""{"message":"upstream connect error"}""");
        await using var host = await TencentImTestHost.StartAsync(services: (s, _) =>
            s.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => stub)));

        var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent())));

        Assert.Equal(GatewayErrorCode.ProviderUnavailable, exception.ErrorCode);
        Assert.True(exception.IsTransient);
        Assert.Contains("without a Tencent JSON answer", exception.Message, StringComparison.Ordinal);
    }
}
