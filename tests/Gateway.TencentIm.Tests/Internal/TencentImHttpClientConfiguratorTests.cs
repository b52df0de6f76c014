using System.Net;
using System.Text;
using Gateway.Core.Contracts;
using Gateway.TencentIm.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.TencentIm.Tests.Internal;

public sealed class TencentImHttpClientConfiguratorTests
{
    [Fact]
    public async Task SendAsync_PrimaryHandlerReplacedLikeTheRenderVerb_CapturesTheSignedRequestAndSendsNothing()
    {
        var capture = new CapturingHandler();
        await using var host = await TencentImTestHost.StartAsync(services: (s, _) =>
            s.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => capture)));

        var result = await host.Provider.SendAsync(new SendMessage { MessageId = "m-wire", To = ["alice"], Content = MessageContent.FromText("hello") });

        Assert.Equal("1_2_3", Assert.Single(result.Deliveries).ProviderMessageKey);
        Assert.Equal(0, host.Emulator.Requests.Count);
        var (uri, body) = Assert.Single(capture.Requests);
        Assert.Equal(host.Emulator.BaseAddress + "v4/openim/sendmsg", uri.GetLeftPart(UriPartial.Path));
        Assert.Contains("sdkappid=1400000000&identifier=administrator&usersig=", uri.Query, StringComparison.Ordinal);
        Assert.EndsWith("&contenttype=json", uri.Query, StringComparison.Ordinal);
        Mapping.TencentImMessageMapperTests.AssertJson("""
            {"To_Account":"alice","MsgSeq":2487001978,"MsgRandom":3711082910,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hello"}}]}
            """, body);
    }

    [Fact]
    public async Task SendAsync_AfterHandlerRotation_KeepsTheInstanceUserSigAndLimiters()
    {
        var built = 0;
        await using var host = await TencentImTestHost.StartAsync(services: (s, name) =>
            s.AddHttpClient(TencentImInstance.HttpClientNamePrefix + name)
                .SetHandlerLifetime(TimeSpan.FromSeconds(1))
                .ConfigurePrimaryHttpMessageHandler(() =>
                {
                    Interlocked.Increment(ref built);
                    return new HttpClientHandler();
                }));
        var instance = host.Services.GetRequiredService<TencentImInstanceRegistry>().Get(host.Name);

        await host.Provider.SendAsync(new SendMessage { MessageId = "m1", To = ["alice"], Content = MessageContent.FromText("x") });
        for (var i = 0; i < 30 && Volatile.Read(ref built) < 2; i++)
        {
            await Task.Delay(200);
            await host.Provider.SendAsync(new SendMessage { MessageId = "m-rot-" + i, To = ["alice"], Content = MessageContent.FromText("x") });
        }

        Assert.True(Volatile.Read(ref built) >= 2, "the factory rotated the handler");
        Assert.Equal(1, instance.UserSigs.Generations);
        Assert.Single(host.Emulator.Requests.All.Select(r => r.Query["usersig"]).Distinct());
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public List<(Uri Uri, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MsgTime":1767225600,"MsgKey":"1_2_3"}""", Encoding.UTF8, "application/json"),
            };
        }
    }
}
