using System.Net;
using System.Text;
using Gateway.Core;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Core.Routing;
using Gateway.OpenIm.Tests.Support;
using Gateway.Sandbox.OpenIm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.OpenIm.Tests;

/// <summary>Registration, configuration and the gateway around the adapter (capability checks happen before any HTTP request).</summary>
public sealed class OpenImGatewayBuilderExtensionsTests
{
    [Fact]
    public void AddOpenIm_CalledTwice_RegistersTheFactoryOnce()
    {
        var services = new ServiceCollection();

        services.AddMessagingGateway().AddOpenIm().AddOpenIm();

        Assert.Single(services, d => d.ServiceType == typeof(IMessageProviderFactory));
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
            ["Gateway:Providers:chat:Resilience:BaseDelay"] = "00:00:00.010",
        });
        var services = new ServiceCollection();
        services.AddMessagingGateway(configuration.GetSection("Gateway")).AddOpenIm();
        await using var provider = services.BuildServiceProvider();

        var outcome = await provider.GetRequiredService<IMessageGateway>().SendAsync(Messages.ToUsers(Messages.Text(), "u1", "u2"));

        Assert.True(outcome.IsSuccess);
        Assert.Equal("chat", outcome.Sent.Provider);
        Assert.Equal(2, emulator.Requests.ForPath(OpenImRoutes.SendMsg).Count);
        var instance = (OpenImMessageProvider)provider.GetRequiredService<MessageProviderRegistry>().Find("chat")!;
        Assert.Equal(TimeSpan.FromMilliseconds(10), instance.Instance.Options.Resilience.BaseDelay);
        Assert.Equal("imAdmin", instance.Instance.Options.AdminUserId);
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

        var outcome = await provider.GetRequiredService<IMessageGateway>().SendAsync(Messages.ToUsers(Messages.Text(), "u1"));

        Assert.True(outcome.IsSuccess);
        Assert.Equal("OpenIm", outcome.Sent.Provider);
    }

    [Fact]
    public void AddOpenIm_MissingRequiredKeys_FailsAtStartupNamingEachKey()
    {
        var configuration = Configuration(new()
        {
            ["Gateway:Providers:openim:Type"] = "OpenIm",
            ["Gateway:Providers:openim:AdminUserId"] = string.Empty,
        });
        var services = new ServiceCollection();
        services.AddMessagingGateway(configuration.GetSection("Gateway")).AddOpenIm();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GatewayOptions>>().Value);

        Assert.Contains("Gateway:Providers:openim:BaseUrl is required (an absolute http or https URL)", error.Failures);
        Assert.Contains("Gateway:Providers:openim:Secret is required (the OpenIM server secret)", error.Failures);
        Assert.Contains("Gateway:Providers:openim:AdminUserId is required", error.Failures);
    }

    [Theory]
    [InlineData("BaseUrl", "ftp://openim:10002", "Gateway:Providers:openim:BaseUrl must be an absolute http or https URL")]
    [InlineData("BaseUrl", "http://openim:10002/?secret=x", "Gateway:Providers:openim:BaseUrl must be an absolute http or https URL without query (was 'http://openim:10002/?…')")]
    [InlineData("BatchSize", "0", "Gateway:Providers:openim:BatchSize must be between 1 and 10000")]
    [InlineData("Resilience:AttemptTimeout", "00:01:00", "Gateway:Providers:openim:Resilience:AttemptTimeout must be less than Resilience:TotalTimeout")]
    [InlineData("Resilience:SamplingDuration", "00:00:15", "Gateway:Providers:openim:Resilience:SamplingDuration must be at least twice Resilience:AttemptTimeout")]
    [InlineData("Resilience:FailureRatio", "0", "Gateway:Providers:openim:Resilience:FailureRatio must be greater than 0 and at most 1")]
    [InlineData("Resilience:BreakDuration", "00:00:00.100", "Gateway:Providers:openim:Resilience:BreakDuration must be between")]
    [InlineData("Resilience:MaxRetryAttempts", "11", "Gateway:Providers:openim:Resilience:MaxRetryAttempts must be between 0 and 10")]
    [InlineData("TokenRefreshSkew", "-00:00:01", "Gateway:Providers:openim:TokenRefreshSkew must not be negative")]
    [InlineData("RateLimit:PermitsPerSecond", "-1", "Gateway:Providers:openim:RateLimit:PermitsPerSecond must be between 0 and")]
    [InlineData("ApiVersion", "V4", "Gateway:Providers:openim:ApiVersion must be V3, V3UserToken or V2")]
    [InlineData("Resilience:AttemptTimeout", "ten seconds", "Gateway:Providers:openim:Resilience:AttemptTimeout must be a time span such as 00:00:10")]
    public void Validate_BadValue_ReportsTheKey(string key, string value, string expected)
    {
        var factory = CreateFactory();
        var settings = Settings(new() { ["BaseUrl"] = "http://openim:10002", ["Secret"] = "s", [key] = value });

        var errors = factory.Validate(settings);

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("ten seconds", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_V2SecretLongerThan32_ReportsTheKey()
    {
        var errors = CreateFactory().Validate(Settings(new() { ["BaseUrl"] = "http://openim:10000", ["Secret"] = new string('s', 33), ["ApiVersion"] = "V2" }));

        Assert.Equal(["Gateway:Providers:openim:Secret must be at most 32 characters for ApiVersion V2 (the v2 user_token rule)"], errors);
    }

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var errors = CreateFactory().Validate(Settings(new() { ["BaseUrl"] = "http://openim:10002", ["Secret"] = "openIM123" }));

        Assert.Empty(errors);
    }

    [Fact]
    public void Create_InvalidSettings_ThrowsOptionsValidationException()
    {
        var error = Assert.Throws<OptionsValidationException>(() => CreateFactory().Create(Settings(new() { ["Secret"] = "s" })));

        Assert.Contains("Gateway:Providers:openim:BaseUrl is required (an absolute http or https URL)", error.Failures);
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
            Assert.True((await gateway.SendAsync(Messages.ToUsers(Messages.Text(), "u1"))).IsSuccess);
            Assert.True((await gateway.SendAsync(Messages.ToUsers(Messages.Text(), "u1") with { Provider = "legacy" })).IsSuccess);
        }

        Assert.Single(first.Requests.ForPath(OpenImRoutes.GetAdminToken));
        Assert.Single(second.Requests.ForPath(OpenImRoutes.UserToken));
        Assert.Equal(2, second.Requests.ForPath(OpenImRoutes.ManagerSendMsg).Count);
    }

    [Fact]
    public async Task SendAsync_PrimaryHandlerReplacedByDefaults_CapturesEveryRequestWithoutSending()
    {
        var capture = new CapturingHandler();
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => capture));
        services.AddMessagingGateway().AddOpenIm(o =>
        {
            o.BaseUrl = "http://openim.invalid:10002/api";
            o.Secret = "dry-run-secret";
        });
        await using var provider = services.BuildServiceProvider();

        var outcome = await provider.GetRequiredService<IMessageGateway>().SendAsync(Messages.ToUsers(Messages.Text(), "u1"));

        Assert.True(outcome.IsSuccess, outcome.Failed?.Error.Message);
        Assert.Equal(
            ["http://openim.invalid:10002/api/auth/get_admin_token", "http://openim.invalid:10002/api/msg/send_msg"],
            capture.Requests.Select(r => r.Uri));
        Assert.Equal("dry-token", capture.Requests[1].Token);
        Assert.Null(capture.Requests[0].Token);
    }

    [Fact]
    public async Task SendAsync_AfterHandlerRotation_KeepsTheToken()
    {
        var builds = 0;
        await using var host = await OpenImTestHost.StartAsync(services: s =>
        {
            s.AddHttpClient("MessagingGateway.OpenIm.openim").SetHandlerLifetime(TimeSpan.FromSeconds(1));
            s.ConfigureHttpClientDefaults(b => b.ConfigureAdditionalHttpMessageHandlers((_, _) => Interlocked.Increment(ref builds)));
        });

        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));
        for (var i = 0; i < 60 && Volatile.Read(ref builds) < 2; i++)
        {
            await Task.Delay(100);
            await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));
        }

        Assert.True(Volatile.Read(ref builds) >= 2, "the client factory never rotated the handlers");
        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.GetAdminToken));
    }

    [Theory]
    [InlineData(OpenImServerGeneration.V3, ContentType.Location)]
    [InlineData(OpenImServerGeneration.V3, ContentType.Face)]
    [InlineData(OpenImServerGeneration.V2, ContentType.Location)]
    [InlineData(OpenImServerGeneration.V2, ContentType.Face)]
    [InlineData(OpenImServerGeneration.V2, ContentType.Video)]
    public async Task GatewaySendAsync_UnsupportedContent_IsRejectedBeforeAnyRequest(OpenImServerGeneration generation, ContentType type)
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = generation);
        var content = type switch
        {
            ContentType.Location => Messages.Location(),
            ContentType.Face => Messages.Face(),
            _ => Messages.Video(),
        };

        var outcome = await host.Gateway.SendAsync(Messages.ToUsers(content, "u1"));

        Assert.False(outcome.IsSuccess);
        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed.Error.Code);
        var detail = Assert.Single(outcome.Failed.Error.Details!);
        Assert.Equal(("content.type", "Gateway.Unsupported"), (detail.Field, detail.Rule));
        Assert.Equal(0, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task GatewaySendAsync_V2Mention_IsRejectedBeforeAnyRequest()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);

        var outcome = await host.Gateway.SendAsync(Messages.ToGroup(Messages.Mention()));

        Assert.Equal("content.type", Assert.Single(outcome.Failed!.Error.Details!).Field);
        Assert.Equal(0, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task GatewayRevokeAsync_V3_IsRejectedBeforeAnyRequest()
    {
        await using var host = await OpenImTestHost.StartAsync();

        var outcome = await host.Gateway.RevokeAsync(new RevokeMessage
        {
            MessageId = Messages.NewId("r"),
            Target = new RevokeTarget { To = "u1" },
            ProviderMessageKey = "0123456789abcdef0123456789abcdef",
        });

        Assert.False(outcome.IsSuccess);
        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed!.Error.Code);
        Assert.Equal(0, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task GatewayRevokeAsync_V2_RevokesTheSentMessage()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);
        var sent = await host.Gateway.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));
        var key = sent.Sent!.Deliveries.Single().ProviderMessageKey!;

        var outcome = await host.Gateway.RevokeAsync(new RevokeMessage { MessageId = Messages.NewId("r"), Target = new RevokeTarget { To = "u1" }, ProviderMessageKey = key });

        Assert.True(outcome.IsSuccess);
        Assert.True(host.Emulator.IsRevoked(key));
    }

    [Fact]
    public async Task GatewaySendAsync_IdLongerThan64Bytes_IsRejectedBeforeAnyRequest()
    {
        await using var host = await OpenImTestHost.StartAsync();

        var outcome = await host.Gateway.SendAsync(Messages.ToUsers(Messages.Text(), new string('u', 65)));

        Assert.Equal(("to[0]", "Gateway.ProviderLimit"), (Assert.Single(outcome.Failed!.Error.Details!).Field, outcome.Failed.Error.Details![0].Rule));
        Assert.Equal(0, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task GatewaySendAsync_UnsupportedOptionOnLenientInstance_SendsAndReportsItIgnored()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);
        var message = Messages.ToUsers(Messages.Text(), "u1") with
        {
            Options = new MessageOptions { LifetimeSeconds = 60, SendTime = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero), Extension = "x" },
        };

        var outcome = await host.Gateway.SendAsync(message);

        Assert.True(outcome.IsSuccess);
        Assert.Equal(["options.lifetimeSeconds", "options.sendTime", "options.extension"], outcome.Sent.IgnoredOptions);
        var body = host.Emulator.Requests.ForPath(OpenImRoutes.ManagerSendMsg).Single().BodyJson()!.AsObject();
        Assert.False(body.ContainsKey("sendTime"));
        Assert.False(body.ContainsKey("ex"));
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
            Messages.ToUsers(Messages.Text(), "u1") with { Options = new MessageOptions { Priority = null, SyncToSender = true } });

        Assert.Equal("options.syncToSender", Assert.Single(outcome.Failed!.Error.Details!).Field);
        Assert.Equal(0, emulator.Requests.Count);
    }

    [Fact]
    public async Task GatewaySendAsync_BatchPartialFailure_PublishesMessageSentWithFailedRecipients()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Users = new HashSet<string> { "u1" });

        var outcome = await host.Gateway.SendAsync(Messages.ToUsers(Messages.Text(), "u1", "u2"));

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

        await host.Gateway.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));
        await host.Gateway.SendAsync(Messages.ToUsers(Messages.Text(), "u1", "u2"));
        var failed = await host.Gateway.SendAsync(Messages.ToUsers(Messages.Location(), "u1"));

        var tokens = host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Select(r => r.Headers["token"]).Distinct().ToList();
        Assert.Equal(2, tokens.Count);
        var logged = host.Logs.AllText;
        Assert.Contains(host.Logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) && e.Level == LogLevel.Trace);
        Assert.DoesNotContain("openIM123", logged, StringComparison.Ordinal);
        Assert.All(tokens, t => Assert.DoesNotContain(t, logged, StringComparison.Ordinal));
        Assert.DoesNotContain("openIM123", failed.Failed!.Error.Message, StringComparison.Ordinal);
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ProviderInstanceSettings Settings(Dictionary<string, string?> values) => new()
    {
        Name = "openim",
        ProviderType = "OpenIm",
        ConfigurationPath = "Gateway:Providers:openim",
        Configuration = Configuration(values),
    };

    private static IMessageProviderFactory CreateFactory()
    {
        var services = new ServiceCollection();
        services.AddMessagingGateway().AddOpenIm();
        return services.BuildServiceProvider().GetServices<IMessageProviderFactory>().Single(f => f.ProviderType == "OpenIm");
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        private readonly Lock _lock = new();
        private readonly List<(string Uri, string? Token)> _requests = [];

        public IReadOnlyList<(string Uri, string? Token)> Requests
        {
            get
            {
                lock (_lock)
                {
                    return [.. _requests];
                }
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = request.Headers.TryGetValues("token", out var values) ? values.Single() : null;
            lock (_lock)
            {
                _requests.Add((request.RequestUri!.ToString(), token));
            }

            var body = request.RequestUri!.AbsolutePath.EndsWith("get_admin_token", StringComparison.Ordinal)
                ? """{"errCode":0,"errMsg":"","errDlt":"","data":{"token":"dry-token","expireTimeSeconds":3600}}"""
                : """{"errCode":0,"errMsg":"","errDlt":"","data":{"serverMsgID":"s","clientMsgID":"c","sendTime":0}}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }
}
