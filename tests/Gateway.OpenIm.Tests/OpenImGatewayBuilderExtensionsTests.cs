using System.Diagnostics;
using Gateway.Core;
using Gateway.Core.Contracts;
using Gateway.Core.Diagnostics;
using Gateway.OpenIm.Client;
using Gateway.OpenIm.Tests.Support;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.OpenIm.Tests;

/// <summary>
/// Registration (the overloads, named instances, the typed client with the stub as its primary handler, state that
/// survives handler rotation) and what the registration promises around the adapter: nothing secret is logged, and a
/// send is traced.
/// </summary>
public sealed class OpenImGatewayBuilderExtensionsTests
{
    [Fact]
    public void AddOpenIm_CalledTwice_RegistersTheTypeOnce()
    {
        var services = new ServiceCollection();
        services.AddMessagingGateway().AddOpenIm();
        var once = services.Count;

        services.AddMessagingGateway().AddOpenIm().AddOpenIm();

        Assert.Equal(once, services.Count);
        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IValidateOptions<OpenImOptions>)));
        Assert.Single(services, d => d.ServiceType.Name == "ProviderTypeRegistration");
    }

    [Fact]
    public async Task AddOpenIm_InstanceFromConfiguration_SendsThroughIt()
    {
        await using var emulator = new OpenImEmulator();
        await emulator.StartAsync();
        var configuration = Configuration(new()
        {
            ["Gateway:Providers:chat:Type"] = "OpenIm",
            ["Gateway:Providers:chat:BaseUrl"] = emulator.BaseAddress.ToString(),
            ["Gateway:Providers:chat:Secret"] = "openIM123",
            ["Gateway:Providers:chat:DeliveryMode"] = "PerRecipient",
            ["Gateway:Providers:chat:Resilience:Retry:BaseDelay"] = "00:00:00.010",
        });
        var services = new ServiceCollection();
        services.AddMessagingGateway(configuration.GetSection("Gateway")).AddOpenIm();
        await using var provider = services.BuildServiceProvider();

        var outcome = await provider.GetRequiredService<IMessageGateway>().SendAsync(Samples.ToUsers(Samples.TextContent(), "u1", "u2"));

        Assert.True(outcome.IsSuccess);
        Assert.Equal("chat", outcome.Sent.Provider);
        Assert.Equal(2, emulator.Requests.ForPath(OpenImRoutes.SendMsg).Count);
        var options = provider.GetRequiredService<IOptionsMonitor<OpenImOptions>>().Get("chat");
        Assert.Equal(TimeSpan.FromMilliseconds(10), options.Resilience.Retry.BaseDelay);
        Assert.Equal("imAdmin", options.AdminUserId);
        Assert.Equal(emulator.BaseAddress, options.BaseUrl);
    }

    [Fact]
    public async Task AddOpenIm_Section_NamesTheInstanceAfterTheSectionKey()
    {
        await using var emulator = new OpenImEmulator();
        await emulator.StartAsync();
        var configuration = Configuration(new()
        {
            ["OpenIm:BaseUrl"] = emulator.BaseAddress.ToString(),
            ["OpenIm:Secret"] = "openIM123",
        });
        var services = new ServiceCollection();
        services.AddMessagingGateway().AddOpenIm(configuration.GetSection("OpenIm"));
        await using var provider = services.BuildServiceProvider();

        var outcome = await provider.GetRequiredService<IMessageGateway>().SendAsync(Samples.ToUsers(Samples.TextContent(), "u1"));

        Assert.True(outcome.IsSuccess);
        Assert.Equal("OpenIm", outcome.Sent.Provider);
    }

    [Fact]
    public async Task AddOpenIm_TwoNamedInstances_KeepOneTokenEach()
    {
        await using var first = new OpenImEmulator();
        await using var second = new OpenImEmulator(new OpenImEmulatorOptions { Generation = OpenImServerGeneration.V2 });
        await first.StartAsync();
        await second.StartAsync();
        var services = new ServiceCollection();
        services.AddMessagingGateway(o => o.DefaultProvider = "openim")
            .AddOpenIm(o => OpenImTestHost.Configure(o, first))
            .AddOpenIm("legacy", o => OpenImTestHost.Configure(o, second));
        await using var provider = services.BuildServiceProvider();
        var gateway = provider.GetRequiredService<IMessageGateway>();

        for (var i = 0; i < 2; i++)
        {
            Assert.True((await gateway.SendAsync(Samples.ToUsers(Samples.TextContent(), "u1"))).IsSuccess);
            Assert.True((await gateway.SendAsync(Samples.ToUsers(Samples.TextContent(), "u1") with { Provider = "legacy" })).IsSuccess);
        }

        Assert.Single(first.Requests.ForPath(OpenImRoutes.GetAdminToken));
        Assert.Single(second.Requests.ForPath(OpenImRoutes.UserToken));
        Assert.Equal(2, second.Requests.ForPath(OpenImRoutes.ManagerSendMsg).Count);
    }

    [Fact]
    public async Task SendAsync_PrimaryHandlerReplacedByDefaults_CapturesEveryRequestWithoutSending()
    {
        var stub = new StubHandler(request => request.Path.EndsWith("get_admin_token", StringComparison.Ordinal)
            ? OpenImStub.Token("dry-token", expireTimeSeconds: 3600)
            : StubHandler.Json("""{"errCode":0,"errMsg":"","errDlt":"","data":{"serverMsgID":"s","clientMsgID":"c","sendTime":0}}"""));
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => stub));
        services.AddMessagingGateway().AddOpenIm(o =>
        {
            o.BaseUrl = new Uri("http://openim.invalid:10002/api");
            o.Secret = "dry-run-secret";
        });
        await using var provider = services.BuildServiceProvider();

        var outcome = await provider.GetRequiredService<IMessageGateway>().SendAsync(Samples.ToUsers(Samples.TextContent(), "u1"));

        Assert.True(outcome.IsSuccess, outcome.Failed?.Error.Message);
        Assert.Equal(
            ["http://openim.invalid:10002/api/auth/get_admin_token", "http://openim.invalid:10002/api/msg/send_msg"],
            stub.Requests.Select(r => r.Uri.ToString()));
        Assert.Equal("dry-token", stub.Requests[1].Headers["token"]);
        Assert.False(stub.Requests[0].Headers.ContainsKey("token"));
    }

    [Fact]
    public async Task SendAsync_BaseUrlWithUserInfoAndTrailingSlash_SendsToThePathWithoutTheUserInfo()
    {
        var stub = new OpenImStub();
        await using var host = OpenImTestHost.Create(stub.Handler, o => o.BaseUrl = new Uri("https://ops:hunter2@im.example.com/prefix/"));

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        Assert.Equal(
            ["https://im.example.com/prefix/auth/get_admin_token", "https://im.example.com/prefix/msg/send_msg"],
            stub.Handler.Requests.Select(r => r.Uri.ToString()));
        Assert.DoesNotContain("hunter2", host.LoggedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AfterHandlerRotation_KeepsTheTokenAndTheBreaker()
    {
        var builds = 0;
        var stub = new OpenImStub();
        await using var host = OpenImTestHost.Create(stub.Handler, services: s =>
        {
            s.AddHttpClient(typeof(OpenImClient).FullName!).SetHandlerLifetime(TimeSpan.FromSeconds(1));
            s.ConfigureHttpClientDefaults(b => b.ConfigureAdditionalHttpMessageHandlers((_, _) => Interlocked.Increment(ref builds)));
        });

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));
        for (var i = 0; i < 60 && Volatile.Read(ref builds) < 2; i++)
        {
            await Task.Delay(50);
            await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));
        }

        Assert.True(Volatile.Read(ref builds) >= 2, "the client factory never rotated the handlers");
        Assert.Single(stub.TokenRequests);
        Assert.Same(
            InstancePipelines.Get(host.Services, OpenImTestHost.Instance),
            InstancePipelines.Get(host.Services, OpenImTestHost.Instance));
    }

    [Fact]
    public async Task GatewaySendAsync_UnsupportedOptionOnStrictInstance_IsRejectedBeforeAnyRequest()
    {
        await using var emulator = new OpenImEmulator();
        await emulator.StartAsync();
        var configuration = Configuration(new()
        {
            ["Gateway:Providers:openim:Type"] = "OpenIm",
            ["Gateway:Providers:openim:Strict"] = "true",
            ["Gateway:Providers:openim:BaseUrl"] = emulator.BaseAddress.ToString(),
            ["Gateway:Providers:openim:Secret"] = "openIM123",
        });
        var services = new ServiceCollection();
        services.AddMessagingGateway(configuration.GetSection("Gateway")).AddOpenIm();
        await using var provider = services.BuildServiceProvider();

        var outcome = await provider.GetRequiredService<IMessageGateway>().SendAsync(
            Samples.ToUsers(Samples.TextContent(), "u1") with { Options = new MessageOptions { Priority = null, SyncToSender = true } });

        Assert.Equal("options.syncToSender", Assert.Single(outcome.Failed!.Error.Details!).Field);
        Assert.Equal(0, emulator.Requests.Count);
    }

    [Fact]
    public async Task GatewaySendAsync_BatchPartialFailure_PublishesMessageSentWithFailedRecipients()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Users = new HashSet<string> { "u1" });

        var outcome = await host.Gateway.SendAsync(Samples.ToUsers(Samples.TextContent(), "u1", "u2"));

        Assert.True(outcome.IsSuccess);
        Assert.Equal("u1", Assert.Single(outcome.Sent.Deliveries).Recipient);
        Assert.Equal("u2", Assert.Single(outcome.Sent.FailedRecipients).Recipient);
    }

    [Fact]
    public async Task GatewaySendAsync_WithTraceLogging_NeverLogsTheSecretOrAToken()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.Secret = "openIM123");
        host.Emulator.FailNext(OpenImRoutes.SendMsg, 1501, "TokenExpiredError");
        host.Emulator.RespondPanic(OpenImRoutes.BatchSendMsg);

        await host.Gateway.SendAsync(Samples.ToUsers(Samples.TextContent(), "u1"));
        await host.Gateway.SendAsync(Samples.ToUsers(Samples.TextContent(), "u1", "u2"));
        var failed = await host.Gateway.SendAsync(Samples.ToUsers(Samples.Location(), "u1"));

        var tokens = host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Select(r => r.Headers["token"]).Distinct().ToList();
        Assert.Equal(2, tokens.Count);
        var logged = host.LoggedText;
        // Every HTTP attempt is logged (by Core's provider request logger, which replaces the default ones and never logs headers).
        Assert.Equal(
            host.Emulator.Requests.Count,
            host.Logs.GetSnapshot().Count(e => e.Id.Name is "ProviderHttpResponseReceived" or "ProviderHttpRequestFailed"));
        Assert.DoesNotContain(host.Logs.GetSnapshot(), e => e.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("openIM123", logged, StringComparison.Ordinal);
        Assert.All(tokens, t => Assert.DoesNotContain(t, logged, StringComparison.Ordinal));
        Assert.DoesNotContain("openIM123", failed.Failed!.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatewaySendAsync_EveryFailure_KeepsSecretsOutOfLogsAndErrors()
    {
        var stub = new OpenImStub()
            .OnToken(() => OpenImStub.Error(1002, "NoPermissionError", "secret invalid"))
            .OnSend((_, _) => throw OpenImStub.ConnectionRefused(), times: 3)
            .OnSend(() => OpenImStub.Status(System.Net.HttpStatusCode.ServiceUnavailable), times: 3)
            .OnSend(() => OpenImStub.Error(1004, "RecordNotFoundError"));
        await using var host = OpenImTestHost.Create(stub.Handler);
        var outcomes = new List<SendOutcome>();

        for (var i = 0; i < 4; i++)
        {
            outcomes.Add(await host.Gateway.SendAsync(Samples.ToUsers(Samples.TextContent(), "u1")));
        }

        Assert.All(outcomes, o => Assert.False(o.IsSuccess));
        var tokens = stub.SendRequests.Select(r => r.Headers["token"]).Distinct().ToList();
        Assert.NotEmpty(tokens);
        var texts = outcomes.Select(o => o.Failed!.Error.Message).Append(host.LoggedText).ToList();
        Assert.All(texts, text => Assert.DoesNotContain(OpenImTestHost.StubSecret, text, StringComparison.Ordinal));
        Assert.All(texts, text => Assert.All(tokens, t => Assert.DoesNotContain(t, text, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GatewaySendAsync_Traced_TheSendSpanParentsEveryHttpRequest()
    {
        // Over the emulator: the HTTP spans come from the socket handler, which a stub primary handler replaces.
        await using var host = await OpenImTestHost.StartAsync();
        var message = Samples.ToUsers(Samples.TextContent(), "u1");
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is GatewayDiagnostics.ActivitySourceName or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (activities)
                {
                    activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var outcome = await host.Gateway.SendAsync(message);

        Assert.True(outcome.IsSuccess);
        Activity[] snapshot;
        lock (activities)
        {
            snapshot = [.. activities];
        }

        var send = Assert.Single(snapshot, a => a.Source.Name == GatewayDiagnostics.ActivitySourceName && Equals(a.GetTagItem(GatewayDiagnostics.MessageIdTag), message.MessageId));
        Assert.Equal(OpenImTestHost.Instance, send.GetTagItem(GatewayDiagnostics.ProviderTag));
        var http = snapshot.Where(a => a.Source.Name == "System.Net.Http" && a.TraceId == send.TraceId).ToList();
        Assert.Equal(2, http.Count);
        Assert.All(http, a => Assert.Equal(send.SpanId, a.ParentSpanId));
        Assert.All(http, a => Assert.DoesNotContain("token", a.DisplayName, StringComparison.OrdinalIgnoreCase));
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
