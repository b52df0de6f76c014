using System.Text.Json.Nodes;
using Gateway.Core.Contracts;
using Gateway.OpenIm.Tests.Support;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;

namespace Gateway.OpenIm.Tests.Mapping;

/// <summary>
/// The exact wire JSON of every content type and option, on v3 and v2, taken from the request the emulator received
/// and compared structurally with JSON written out from the reference (§4.1, §4.3, §7.2, §8). The emulator also
/// accepting each request proves the server's content rules are met.
/// </summary>
public sealed class OpenImMessageMapperTests
{
    public static TheoryData<string, string> V3Contents => new()
    {
        { "text", """{"content":"hello"}""" },
        { "image", """
            {"sourcePicture":{"uuid":"img-1","type":"png","size":12345,"width":800,"height":600,"url":"https://cdn.example/o.png"},
             "bigPicture":{"uuid":"img-1","type":"png","size":12345,"width":800,"height":600,"url":"https://cdn.example/o.png"},
             "snapshotPicture":{"type":"png","size":1234,"width":80,"height":60,"url":"https://cdn.example/t.png"}}
            """ },
        { "sound", """{"uuid":"snd-1","sourceUrl":"https://cdn.example/a.m4a","dataSize":2048,"duration":7}""" },
        { "video", """
            {"videoUUID":"vid-1","videoUrl":"https://cdn.example/v.mp4","videoType":"mp4","videoSize":1048576,"duration":30,
             "snapshotUUID":"snap-1","snapshotSize":4096,"snapshotUrl":"https://cdn.example/v.jpg","snapshotWidth":320,"snapshotHeight":180}
            """ },
        { "file", """{"sourceUrl":"https://cdn.example/f.pdf","fileName":"report.pdf","fileSize":99999}""" },
        { "custom", """{"data":"{\"k\":1}","description":"desc","extension":"ext"}""" },
    };

    [Theory]
    [MemberData(nameof(V3Contents))]
    public async Task SendAsync_V3OneUser_SendsSendMsgWithExactContent(string kind, string expectedContent)
    {
        await using var host = await OpenImTestHost.StartAsync();
        var message = Samples.Outbound(Content(kind), "u1");

        var result = await host.Provider.SendAsync(message);

        var request = Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg));
        JsonAssert.Equal(
            $$"""{"sendID":"imAdmin","recvID":"u1","senderPlatformID":10,"content":{{expectedContent}},"contentType":{{ContentTypeCode(kind)}},"sessionType":1}""",
            request.BodyJson());
        Assert.Equal(200, request.ResponseStatus);
        Assert.Equal(host.Emulator.Messages.Single().ClientMsgId, Assert.Single(result.Deliveries).ProviderMessageKey);
    }

    [Fact]
    public async Task SendAsync_V3ImageWithoutThumbnailOrLarge_ReusesOriginalForAllThreePictures()
    {
        await using var host = await OpenImTestHost.StartAsync();

        await host.Provider.SendAsync(Samples.Outbound(Samples.Image(withThumbnail: false), "u1"));

        var body = Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg)).BodyJson()!;
        const string original = """{"uuid":"img-1","type":"png","size":12345,"width":800,"height":600,"url":"https://cdn.example/o.png"}""";
        JsonAssert.Equal($$"""{"sourcePicture":{{original}},"bigPicture":{{original}},"snapshotPicture":{{original}}}""", body["content"]);
    }

    [Fact]
    public async Task SendAsync_V3Mention_SendsAtTextToGroupWithSessionType3()
    {
        await using var host = await OpenImTestHost.StartAsync();

        await host.Provider.SendAsync(Samples.OutboundToGroup(Samples.Mention()));

        JsonAssert.Equal(
            """{"sendID":"imAdmin","groupID":"g1","senderPlatformID":10,"content":{"text":"hi @u2 @u3","atUserList":["u2","u3"],"isAtSelf":false},"contentType":106,"sessionType":3}""",
            Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg)).BodyJson());
    }

    [Fact]
    public async Task SendAsync_V3MentionAll_SendsAtAllTag()
    {
        await using var host = await OpenImTestHost.StartAsync();

        await host.Provider.SendAsync(Samples.OutboundToGroup(Samples.Mention(all: true)));

        JsonAssert.Equal(
            """{"text":"hi @u2 @u3","atUserList":["AtAllTag"],"isAtSelf":false}""",
            Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg)).BodyJson()!["content"]);
    }

    [Fact]
    public async Task SendAsync_V3TextToGroup_UsesSessionType3AndGroupId()
    {
        await using var host = await OpenImTestHost.StartAsync();

        var result = await host.Provider.SendAsync(Samples.OutboundToGroup(Samples.TextContent(), "g-42"));

        JsonAssert.Equal(
            """{"sendID":"imAdmin","groupID":"g-42","senderPlatformID":10,"content":{"content":"hello"},"contentType":101,"sessionType":3}""",
            Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg)).BodyJson());
        Assert.Equal("g-42", Assert.Single(result.Deliveries).Recipient);
    }

    [Fact]
    public async Task SendAsync_V3Notification_SendsOaNotificationWithSessionType4()
    {
        await using var host = await OpenImTestHost.StartAsync();

        await host.Provider.SendAsync(Samples.Outbound(Samples.Notification(), "u1"));

        JsonAssert.Equal(
            """
            {"sendID":"imAdmin","recvID":"u1","senderPlatformID":10,"contentType":1400,"sessionType":4,
             "content":{"notificationName":"System","notificationFaceURL":"https://cdn.example/sys.png","notificationType":1,
                        "text":"Maintenance tonight","url":"https://example.com/n","mixType":0}}
            """,
            Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg)).BodyJson());
        Assert.Equal(4, host.Emulator.Messages.Single().SessionType);
    }

    [Fact]
    public async Task SendAsync_V3EveryOption_MapsSenderAndOptionsWithExactSpellings()
    {
        await using var host = await OpenImTestHost.StartAsync();
        var message = Samples.Outbound(Samples.TextContent(), "u1") with
        {
            Sender = new MessageSender { UserId = "u9", Nickname = "Nick", FaceUrl = "https://cdn.example/n.png", PlatformId = 5 },
            Options = new MessageOptions
            {
                OnlineOnly = true,
                OfflinePush = new OfflinePushOptions { Disabled = true, Title = "T", Body = "B", Extension = "E", IosSound = "s.caf", IosBadge = true },
                SendTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
                Extension = "ex-data",
            },
        };

        var result = await host.Provider.SendAsync(message);

        JsonAssert.Equal(
            """
            {"sendID":"u9","recvID":"u1","senderNickname":"Nick","senderFaceURL":"https://cdn.example/n.png","senderPlatformID":5,
             "content":{"content":"hello"},"contentType":101,"sessionType":1,"isOnlineOnly":true,"notOfflinePush":true,
             "sendTime":1767323045000,
             "offlinePushInfo":{"title":"T","desc":"B","ex":"E","iOSPushSound":"s.caf","iOSBadgeCount":true},
             "ex":"ex-data"}
            """,
            Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg)).BodyJson());
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), Assert.Single(result.Deliveries).SentAt);
    }

    [Fact]
    public async Task SendAsync_V3Batch_SendsRecvIdsArrayWithoutRecvId()
    {
        await using var host = await OpenImTestHost.StartAsync();

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1", "u2"));

        JsonAssert.Equal(
            """{"sendID":"imAdmin","senderPlatformID":10,"content":{"content":"hello"},"contentType":101,"sessionType":1,"recvIDs":["u1","u2"]}""",
            Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.BatchSendMsg)).BodyJson());
    }

    [Fact]
    public async Task SendAsync_V3_SendsOperationIdHeaderPrefixedWithMessageIdAndToken()
    {
        await using var host = await OpenImTestHost.StartAsync();
        var message = Samples.Outbound(Samples.TextContent(), "u1");

        await host.Provider.SendAsync(message);

        var token = Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.GetAdminToken));
        var send = Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg));
        Assert.StartsWith(message.MessageId + "-", send.Headers["operationID"], StringComparison.Ordinal);
        Assert.Equal(JsonNode.Parse(token.ResponseBody!)!["data"]!["token"]!.GetValue<string>(), send.Headers["token"]);
        Assert.Null(send.BodyJson()!["operationID"]);
        Assert.StartsWith("application/json", send.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TwoRequests_UseDistinctOperationIds()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.DeliveryMode = OpenImDeliveryMode.PerRecipient);
        var message = Samples.Outbound(Samples.TextContent(), "u1", "u2", "u3");

        await host.Provider.SendAsync(message);

        var ids = host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Select(r => r.Headers["operationID"]).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith(message.MessageId + "-", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_V3TokenRequest_SendsSecretAndAdminInBodyAndNoTokenHeader()
    {
        await using var host = await OpenImTestHost.StartAsync();

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        var request = Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.GetAdminToken));
        JsonAssert.Equal("""{"secret":"openIM123","userID":"imAdmin"}""", request.BodyJson());
        Assert.False(request.Headers.ContainsKey("token"));
        Assert.StartsWith("gateway-token-", request.Headers["operationID"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_V3UserToken_FetchesTokenFromUserTokenWithAdminPlatform()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V3UserToken);

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        var request = Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.UserToken));
        JsonAssert.Equal("""{"secret":"openIM123","platformID":10,"userID":"imAdmin"}""", request.BodyJson());
        Assert.Empty(host.Emulator.Requests.ForPath(OpenImRoutes.GetAdminToken));
        Assert.Equal(200, Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg)).ResponseStatus);
    }

    public static TheoryData<string, string> V2Contents => new()
    {
        { "text", """{"text":"hello"}""" },
        { "image", """
            {"sourcePicture":{"uuid":"img-1","type":"png","size":12345,"width":800,"height":600,"url":"https://cdn.example/o.png"},
             "bigPicture":{"uuid":"img-1","type":"png","size":12345,"width":800,"height":600,"url":"https://cdn.example/o.png"},
             "snapshotPicture":{"type":"png","size":1234,"width":80,"height":60,"url":"https://cdn.example/t.png"}}
            """ },
        { "sound", """{"uuid":"snd-1","sourceUrl":"https://cdn.example/a.m4a","dataSize":2048,"duration":7}""" },
        { "file", """{"sourceUrl":"https://cdn.example/f.pdf","fileName":"report.pdf","fileSize":99999}""" },
        { "custom", """{"data":"{\"k\":1}","description":"desc","extension":"ext"}""" },
    };

    [Theory]
    [MemberData(nameof(V2Contents))]
    public async Task SendAsync_V2OneUser_SendsManagerSendMsgWithOperationIdInBody(string kind, string expectedContent)
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);
        var message = Samples.Outbound(Content(kind), "u1");

        var result = await host.Provider.SendAsync(message);

        var request = Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.ManagerSendMsg));
        var body = request.BodyJson()!;
        var operationId = body["operationID"]!.GetValue<string>();
        Assert.StartsWith(message.MessageId + "-", operationId, StringComparison.Ordinal);
        JsonAssert.Equal(
            $$"""{"operationID":"{{operationId}}","sendID":"openIMAdmin","recvID":"u1","senderPlatformID":8,"content":{{expectedContent}},"contentType":{{ContentTypeCode(kind)}},"sessionType":1}""",
            body);
        Assert.False(request.Headers.ContainsKey("operationID"));
        Assert.Equal(200, request.ResponseStatus);
        Assert.Equal(host.Emulator.Messages.Single().ClientMsgId, Assert.Single(result.Deliveries).ProviderMessageKey);
    }

    [Fact]
    public async Task SendAsync_V2Group_UsesSessionType2()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);

        await host.Provider.SendAsync(Samples.OutboundToGroup(Samples.TextContent()));

        var body = Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.ManagerSendMsg)).BodyJson()!;
        JsonAssert.Equal(
            $$"""{"operationID":"{{body["operationID"]}}","sendID":"openIMAdmin","groupID":"g1","senderPlatformID":8,"content":{"text":"hello"},"contentType":101,"sessionType":2}""",
            body);
    }

    [Fact]
    public async Task SendAsync_V2Notification_SendsFaceUrlAndSessionType4()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);

        await host.Provider.SendAsync(Samples.Outbound(Samples.Notification(), "u1"));

        var body = Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.ManagerSendMsg)).BodyJson()!;
        JsonAssert.Equal(
            $$"""
            {"operationID":"{{body["operationID"]}}","sendID":"openIMAdmin","recvID":"u1","senderPlatformID":8,"contentType":1400,"sessionType":4,
             "content":{"notificationName":"System","notificationFaceURL":"https://cdn.example/sys.png","notificationType":1,
                        "text":"Maintenance tonight","url":"https://example.com/n","mixType":0} }
            """,
            body);
    }

    [Fact]
    public async Task SendAsync_V2WithV3OnlyOptions_LeavesThemOutOfTheBody()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);
        var message = Samples.Outbound(Samples.TextContent(), "u1") with
        {
            Options = new MessageOptions
            {
                OnlineOnly = true,
                OfflinePush = new OfflinePushOptions { Disabled = true, Title = "T", Body = "B", IosBadge = false },
                SendTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
                Extension = "ex-data",
            },
        };

        await host.Provider.SendAsync(message);

        var body = Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.ManagerSendMsg)).BodyJson()!;
        JsonAssert.Equal(
            $$"""
            {"operationID":"{{body["operationID"]}}","sendID":"openIMAdmin","recvID":"u1","senderPlatformID":8,"content":{"text":"hello"},
             "contentType":101,"sessionType":1,"isOnlineOnly":true,"offlinePushInfo":{"title":"T","desc":"B","iOSBadgeCount":false} }
            """,
            body);
    }

    [Fact]
    public async Task SendAsync_V2TokenRequest_SendsPlatform8AndOperationIdInBody()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        var body = Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.UserToken)).BodyJson()!;
        Assert.StartsWith("gateway-token-", body["operationID"]!.GetValue<string>(), StringComparison.Ordinal);
        JsonAssert.Equal($$"""{"secret":"tuoyun","platform":8,"userID":"openIMAdmin","operationID":"{{body["operationID"]}}"}""", body);
    }

    [Theory]
    [InlineData(false, """{"recvID":"u1","sessionType":1}""")]
    [InlineData(true, """{"groupID":"g1","sessionType":2}""")]
    public async Task RevokeAsync_V2_SendsContentType111WithClientMsgId(bool group, string target)
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);
        var sent = await host.Provider.SendAsync(group ? Samples.OutboundToGroup(Samples.TextContent()) : Samples.Outbound(Samples.TextContent(), "u1"));
        var key = Assert.Single(sent.Deliveries).ProviderMessageKey!;
        host.Emulator.Requests.Clear();

        await host.Provider.RevokeAsync(group ? Samples.OutboundRevokeInGroup(key, "g1") : Samples.OutboundRevoke(key, "u1"));

        var body = Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.ManagerSendMsg)).BodyJson()!.AsObject();
        var expected = JsonNode.Parse($$"""{"operationID":"{{body["operationID"]}}","sendID":"openIMAdmin","senderPlatformID":8,"content":{"revokeMsgClientID":"{{key}}"},"contentType":111}""")!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(target)!.AsObject())
        {
            expected[name] = value!.DeepClone();
        }

        JsonAssert.Equal(expected.ToJsonString(), body);
        Assert.True(host.Emulator.IsRevoked(key));
    }

    private static MessageContent Content(string kind) => kind switch
    {
        "text" => Samples.TextContent(),
        "image" => Samples.Image(),
        "sound" => Samples.Sound(),
        "video" => Samples.Video(),
        "file" => Samples.File(),
        "custom" => Samples.Custom(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static int ContentTypeCode(string kind) => kind switch
    {
        "text" => 101,
        "image" => 102,
        "sound" => 103,
        "video" => 104,
        "file" => 105,
        "custom" => 110,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
