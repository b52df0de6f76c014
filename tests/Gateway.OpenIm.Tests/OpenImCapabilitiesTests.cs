using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Core.Validation;
using Gateway.OpenIm.Tests.Support;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;

namespace Gateway.OpenIm.Tests;

/// <summary>
/// What each API generation declares, and the adapter's own rules (v2 notificationFaceURL, the 8 MiB request), checked by
/// the gateway in one step: a broken rule comes back as an <c>InvalidMessage</c> detail and no HTTP request is made.
/// </summary>
public sealed class OpenImCapabilitiesTests
{
    [Fact]
    public void For_V3AndV2_DeclareWhatEachServerAccepts()
    {
        var v3 = OpenImCapabilities.For(new OpenImOptions { ApiVersion = OpenImApiVersion.V3 });
        var v2 = OpenImCapabilities.For(new OpenImOptions { ApiVersion = OpenImApiVersion.V2 });

        Assert.Equal(
            new HashSet<ContentType> { ContentType.Text, ContentType.Mention, ContentType.Image, ContentType.Sound, ContentType.Video, ContentType.File, ContentType.Custom, ContentType.Notification },
            v3.ContentTypes);
        Assert.Equal(
            new HashSet<ContentType> { ContentType.Text, ContentType.Image, ContentType.Sound, ContentType.File, ContentType.Custom, ContentType.Notification },
            v2.ContentTypes);
        Assert.Equal(RecipientKinds.None, v3.Revoke);
        Assert.Equal(RecipientKinds.Users | RecipientKinds.Group, v2.Revoke);
        Assert.Equal(64, v3.MaxIdBytes);
        Assert.Equal(100, v3.MaxRecipientsPerCall);
        Assert.Equal(1, v2.MaxRecipientsPerCall);
        const OptionalFields v2Fields = OptionalFields.OnlineOnly | OptionalFields.OfflinePush | OptionalFields.OfflinePushIosSound
            | OptionalFields.OfflinePushIosBadge | OptionalFields.SenderNickname | OptionalFields.SenderFaceUrl | OptionalFields.SenderPlatformId;
        Assert.Equal(v2Fields, v2.SupportedFields);
        Assert.Equal(v2Fields | OptionalFields.OfflinePushDisabled | OptionalFields.SendTime | OptionalFields.Extension, v3.SupportedFields);
    }

    [Theory]
    [InlineData(OpenImDeliveryMode.Batch, 250, 250)]
    [InlineData(OpenImDeliveryMode.PerRecipient, 250, 1)]
    public void For_V3DeliveryMode_SetsRecipientsPerCall(OpenImDeliveryMode mode, int batchSize, int expected)
    {
        var capabilities = OpenImCapabilities.For(new OpenImOptions { DeliveryMode = mode, BatchSize = batchSize });

        Assert.Equal(expected, capabilities.MaxRecipientsPerCall);
    }

    [Fact]
    public async Task GatewaySendAsync_V2NotificationWithoutFaceUrl_IsInvalidMessageWithoutAnyRequest()
    {
        var stub = new OpenImStub();
        await using var host = CreateSut(stub, OpenImApiVersion.V2);

        var outcome = await host.Gateway.SendAsync(Samples.ToUsers(Samples.Notification(faceUrl: null), "u1"));

        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed!.Error.Code);
        Assert.False(outcome.Failed.Error.Transient);
        var detail = Assert.Single(outcome.Failed.Error.Details!);
        Assert.Equal(("content.notification.faceUrl", ValidationRules.ProviderLimit), (detail.Field, detail.Rule));
        Assert.Contains("notificationFaceURL", detail.Message, StringComparison.Ordinal);
        Assert.StartsWith("content.notification.faceUrl:", outcome.Failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0, outcome.Failed.Attempts);
        Assert.Empty(stub.Handler.Requests);
    }

    [Fact]
    public async Task GatewaySendAsync_V3NotificationWithoutFaceUrl_IsSent()
    {
        var stub = new OpenImStub();
        await using var host = CreateSut(stub, OpenImApiVersion.V3);

        var outcome = await host.Gateway.SendAsync(Samples.ToUsers(Samples.Notification(faceUrl: null), "u1"));

        Assert.True(outcome.IsSuccess);
        Assert.Single(stub.SendRequests);
    }

    [Theory]
    [InlineData(OpenImApiVersion.V3)]
    [InlineData(OpenImApiVersion.V2)]
    public async Task GatewaySendAsync_RequestOver8MiB_IsInvalidMessageWithoutAnyRequest(OpenImApiVersion version)
    {
        var stub = new OpenImStub();
        await using var host = CreateSut(stub, version);
        var content = new MessageContent { Type = ContentType.Custom, Custom = new CustomContent { Data = new string('x', OpenImCapabilities.MaxRequestBytes) } };

        var outcome = await host.Gateway.SendAsync(Samples.ToUsers(content, "u1"));

        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed!.Error.Code);
        var detail = Assert.Single(outcome.Failed.Error.Details!);
        Assert.Equal(("content", ValidationRules.ProviderLimit), (detail.Field, detail.Rule));
        Assert.Contains("8 MiB", detail.Message, StringComparison.Ordinal);
        Assert.Empty(stub.Handler.Requests);
    }

    [Fact]
    public async Task GatewaySendAsync_TextOver8MiB_IsInvalidMessageWithoutAnyRequest()
    {
        var stub = new OpenImStub();
        await using var host = CreateSut(stub, OpenImApiVersion.V3);

        var outcome = await host.Gateway.SendAsync(Samples.ToGroup(Samples.TextContent(new string('y', OpenImCapabilities.MaxRequestBytes + 1))));

        Assert.Equal("content", Assert.Single(outcome.Failed!.Error.Details!).Field);
        Assert.Empty(stub.Handler.Requests);
    }

    [Fact]
    public async Task GatewaySendAsync_LargeRequestUnder8MiB_IsSent()
    {
        var stub = new OpenImStub();
        await using var host = CreateSut(stub, OpenImApiVersion.V3);
        var content = new MessageContent { Type = ContentType.Custom, Custom = new CustomContent { Data = new string('x', 7 * 1024 * 1024) } };

        var outcome = await host.Gateway.SendAsync(Samples.ToUsers(content, "u1"));

        Assert.True(outcome.IsSuccess, outcome.Failed?.Error.Message);
        Assert.Single(stub.SendRequests);
    }

    [Fact]
    public async Task GatewaySendAsync_NonAsciiTextUnder8MiBAsTheServerCountsIt_IsSent()
    {
        // 2 M CJK characters are 6 MB of UTF-8, what OpenIM's msg RPC measures (Go writes them unescaped); the gateway's
        // own JSON escapes them (\uXXXX, 12 MB), which must not count against the server's limit.
        var stub = new OpenImStub();
        await using var host = CreateSut(stub, OpenImApiVersion.V3);

        var outcome = await host.Gateway.SendAsync(Samples.ToUsers(Samples.TextContent(new string('\u4f60', 2_000_000)), "u1"));

        Assert.True(outcome.IsSuccess, outcome.Failed?.Error.Message);
        Assert.Single(stub.SendRequests);
    }

    [Fact]
    public async Task GatewaySendAsync_NonAsciiTextOver8MiBAsTheServerCountsIt_IsInvalidMessage()
    {
        var stub = new OpenImStub();
        await using var host = CreateSut(stub, OpenImApiVersion.V3);

        var outcome = await host.Gateway.SendAsync(Samples.ToUsers(Samples.TextContent(new string('\u4f60', 2_900_000)), "u1"));

        Assert.Equal("content", Assert.Single(outcome.Failed!.Error.Details!).Field);
        Assert.Empty(stub.Handler.Requests);
    }

    [Fact]
    public async Task GatewaySendAsync_HtmlCharactersOver8MiBAsTheServerCountsIt_IsInvalidMessage()
    {
        // Go escapes <, > and & as \u003c (six bytes), so 1.5 M of them are 9 MB on the server.
        var stub = new OpenImStub();
        await using var host = CreateSut(stub, OpenImApiVersion.V3);

        var outcome = await host.Gateway.SendAsync(Samples.ToUsers(Samples.TextContent(new string('<', 1_500_000)), "u1"));

        Assert.Equal("content", Assert.Single(outcome.Failed!.Error.Details!).Field);
        Assert.Empty(stub.Handler.Requests);
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
            ContentType.Location => Samples.Location(),
            ContentType.Face => Samples.Face(),
            _ => Samples.Video(),
        };

        var outcome = await host.Gateway.SendAsync(Samples.ToUsers(content, "u1"));

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

        var outcome = await host.Gateway.SendAsync(Samples.ToGroup(Samples.Mention()));

        Assert.Equal("content.type", Assert.Single(outcome.Failed!.Error.Details!).Field);
        Assert.Equal(0, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task GatewayRevokeAsync_V3_IsRejectedBeforeAnyRequest()
    {
        // v3 send_msg dropped contentType 111; the provider itself no longer checks, the declared capability does.
        await using var host = await OpenImTestHost.StartAsync();

        var outcome = await host.Gateway.RevokeAsync(new RevokeMessage
        {
            MessageId = Samples.NewId("r"),
            Target = new RevokeTarget { To = "u1" },
            ProviderMessageKey = "0123456789abcdef0123456789abcdef",
        });

        Assert.False(outcome.IsSuccess);
        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed!.Error.Code);
        Assert.Equal(("target.to", ValidationRules.Unsupported), (Assert.Single(outcome.Failed.Error.Details!).Field, outcome.Failed.Error.Details![0].Rule));
        Assert.Equal(0, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task GatewayRevokeAsync_V2_RevokesTheSentMessage()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);
        var sent = await host.Gateway.SendAsync(Samples.ToUsers(Samples.TextContent(), "u1"));
        var key = sent.Sent!.Deliveries.Single().ProviderMessageKey!;

        var outcome = await host.Gateway.RevokeAsync(new RevokeMessage { MessageId = Samples.NewId("r"), Target = new RevokeTarget { To = "u1" }, ProviderMessageKey = key });

        Assert.True(outcome.IsSuccess);
        Assert.True(host.Emulator.IsRevoked(key));
    }

    [Fact]
    public async Task GatewaySendAsync_IdLongerThan64Bytes_IsRejectedBeforeAnyRequest()
    {
        await using var host = await OpenImTestHost.StartAsync();

        var outcome = await host.Gateway.SendAsync(Samples.ToUsers(Samples.TextContent(), new string('u', 65)));

        Assert.Equal(("to[0]", "Gateway.ProviderLimit"), (Assert.Single(outcome.Failed!.Error.Details!).Field, outcome.Failed.Error.Details![0].Rule));
        Assert.Equal(0, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task GatewaySendAsync_UnsupportedOptionOnLenientInstance_SendsAndReportsItIgnored()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);
        var message = Samples.ToUsers(Samples.TextContent(), "u1") with
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

    private static OpenImTestHost CreateSut(OpenImStub stub, OpenImApiVersion version) =>
        OpenImTestHost.Create(stub.Handler, o => o.ApiVersion = version);
}
