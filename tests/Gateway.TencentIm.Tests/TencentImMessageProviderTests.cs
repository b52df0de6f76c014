using System.Globalization;
using Gateway.Core.Contracts;
using Gateway.Core.Messages;
using Gateway.Core.Providers;
using Gateway.Sandbox.Hosting;
using Gateway.Sandbox.TencentIm;
using Gateway.Testing;
using Gateway.TencentIm.Tests.Support;

namespace Gateway.TencentIm.Tests;

public sealed class TencentImMessageProviderTests
{
    private static OutboundMessage Text(string id, params string[] to) => Samples.Outbound(Samples.TextContent(), to) with { MessageId = id };

    private static SendMessage Command(string id, params string[] to) => new() { MessageId = id, To = to, Content = Samples.TextContent() };

    private static string[] Users(int count) => [.. Enumerable.Range(0, count).Select(i => "u" + i.ToString("D4", CultureInfo.InvariantCulture))];

    private static OutboundRevoke Revoke(string key, string? to = null, string? groupId = null, string? sender = null) => new()
    {
        MessageId = "r",
        Conversation = groupId is null ? new UserRecipients([to!]) : new GroupRecipient(groupId),
        Sender = sender is null ? null : new MessageSender { UserId = sender },
        ProviderMessageKey = key,
    };

    [Fact]
    public async Task SendAsync_OneRecipient_PostsSendMsgWithTheReferenceBodyAndReturnsItsMsgKey()
    {
        await using var host = await TencentImTestHost.StartAsync();

        var result = await host.Provider.SendAsync(Text("m-wire", "alice"));

        var request = Assert.Single(host.Emulator.Requests.All);
        Assert.Equal(TencentImEmulator.SendMsgPath, request.Path);
        JsonAssert.Equal("""
            {"To_Account":"alice","MsgSeq":2487001978,"MsgRandom":3711082910,
             "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hello"}}]}
            """, request.Body);
        var stored = Assert.Single(host.Emulator.Messages);
        var delivery = Assert.Single(result.Deliveries);
        Assert.Equal("alice", delivery.Recipient);
        Assert.Equal(stored.MsgKey, delivery.ProviderMessageKey);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(stored.MsgTime), delivery.SentAt);
        Assert.Empty(result.FailedRecipients);
    }

    public static TheoryData<string, MessageContent> EveryContent => new()
    {
        { "text", MessageContent.FromText("hi") },
        { "image", new MessageContent { Type = ContentType.Image, Image = new ImageContent { Format = ImageFormat.Gif, Original = new ImageVariant { Url = "https://x/o.gif", Width = 2, Height = 2, Size = 9 }, Thumbnail = new ImageVariant { Url = "https://x/t.gif", Width = 1, Height = 1 } } } },
        { "sound", new MessageContent { Type = ContentType.Sound, Sound = new SoundContent { Url = "https://x/a.mp3", DurationSeconds = 3 } } },
        { "video", new MessageContent { Type = ContentType.Video, Video = new VideoContent { Url = "https://x/v.mp4", Format = "mp4", Size = 10, DurationSeconds = 2, Thumbnail = new VideoThumbnail { Url = "https://x/t.jpg", Width = 4, Height = 3, Format = "JPG" } } } },
        { "file", new MessageContent { Type = ContentType.File, File = new FileContent { Url = "https://x/f.pdf", Name = "f.pdf", Size = 10 } } },
        { "location", new MessageContent { Type = ContentType.Location, Location = new LocationContent { Description = "here", Latitude = -33.86, Longitude = 151.2 } } },
        { "face", new MessageContent { Type = ContentType.Face, Face = new FaceContent { Index = 1 } } },
        { "custom", new MessageContent { Type = ContentType.Custom, Custom = new CustomContent { Data = "{}", Sound = "a.caf" } } },
    };

    [Theory]
    [MemberData(nameof(EveryContent))]
    public async Task SendAsync_EveryContentType_IsAcceptedByTheEmulator(string name, MessageContent content)
    {
        await using var host = await TencentImTestHost.StartAsync();

        var outcome = await host.Gateway.SendAsync(new SendMessage { MessageId = "m-" + name, To = ["alice"], Content = content });

        Assert.True(outcome.IsSuccess, outcome.Failed?.Error.Message);
        Assert.Single(host.Emulator.Messages);
    }

    [Fact]
    public async Task SendAsync_FiveHundredRecipients_OneBatchCall()
    {
        await using var host = await TencentImTestHost.StartAsync();

        var result = await host.Provider.SendAsync(Text("m-500", Users(500)));

        var request = Assert.Single(host.Emulator.Requests.All);
        Assert.Equal(TencentImEmulator.BatchSendMsgPath, request.Path);
        Assert.Equal(500, request.BodyJson()!["To_Account"]!.AsArray().Count);
        Assert.Equal(500, result.Deliveries.Count);
        Assert.Single(result.Deliveries.Select(d => d.ProviderMessageKey).Distinct());
        Assert.Equal(500, host.Emulator.Messages.Count);
    }

    [Fact]
    public async Task SendAsync_FiveHundredAndOneRecipients_TwoChunksWithTheirOwnDedupPairs()
    {
        await using var host = await TencentImTestHost.StartAsync();
        var users = Users(501);

        var result = await host.Provider.SendAsync(Text("m-501", users));

        var requests = host.Emulator.Requests.ForPath(TencentImEmulator.BatchSendMsgPath);
        Assert.Equal([500, 1], requests.Select(r => r.BodyJson()!["To_Account"]!.AsArray().Count));
        Assert.Equal(users[500], requests[1].BodyJson()!["To_Account"]![0]!.GetValue<string>());
        var pairs = requests.Select(r => (r.BodyJson()!["MsgSeq"]!.GetValue<uint>(), r.BodyJson()!["MsgRandom"]!.GetValue<uint>())).ToList();
        Assert.NotEqual(pairs[0], pairs[1]);
        Assert.Equal(501, result.Deliveries.Count);
        Assert.Equal(501, host.Emulator.Messages.Count); // the second chunk was not swallowed by Tencent's dedup
        Assert.Equal(0, host.Emulator.DuplicatesDropped);
        Assert.Equal(2, result.Deliveries.Select(d => d.ProviderMessageKey).Distinct().Count());
    }

    [Theory]
    [InlineData(false)] // OK, ErrorCode 0, ErrorList
    [InlineData(true)]  // FAIL, ErrorCode 0, ErrorList (issue item 8)
    public async Task SendAsync_SomeRecipientsUnknown_ReportsThemPerRecipientFromErrorList(bool failPartialBatches)
    {
        await using var host = await TencentImTestHost.StartAsync(emulator: o =>
        {
            o.RequireKnownAccounts = true;
            o.Accounts.UnionWith(["alice", "bob"]);
            o.FailPartialBatches = failPartialBatches;
        });

        var outcome = await host.Gateway.SendAsync(Command("m-partial", "alice", "ghost", "bob"));

        Assert.True(outcome.IsSuccess);
        Assert.Equal(["alice", "bob"], outcome.Sent.Deliveries.Select(d => d.Recipient));
        Assert.Single(outcome.Sent.Deliveries.Select(d => d.ProviderMessageKey).Distinct());
        Assert.Equal(Assert.Single(host.Emulator.Messages.Select(m => m.MsgKey).Distinct()), outcome.Sent.Deliveries[0].ProviderMessageKey);
        var failed = Assert.Single(outcome.Sent.FailedRecipients);
        Assert.Equal("ghost", failed.Recipient);
        Assert.Equal(GatewayErrorCode.RecipientNotFound, failed.Error.Code);
        Assert.Equal("70107", failed.Error.ProviderCode);
        Assert.False(failed.Error.Transient);
    }

    [Fact]
    public async Task SendAsync_BatchFailWithErrorCodeZeroAndErrorList_SendsToTheOthersWithOneMsgKeyAndFailsEachListedWithItsOwnCode()
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.RespondNext(
            """
            {"ActionStatus":"FAIL","ErrorCode":0,"ErrorInfo":"","MsgKey":"4852_28135_1579678877",
             "ErrorList":[{"To_Account":"bob","ErrorCode":70107},{"To_Account":"carol","ErrorCode":20006}]}
            """,
            TencentImEmulator.BatchSendMsgPath);

        var result = await host.Provider.SendAsync(Text("m-fail-zero", "alice", "bob", "carol", "dave"));

        Assert.Equal(["alice", "dave"], result.Deliveries.Select(d => d.Recipient));
        Assert.All(result.Deliveries, d => Assert.Equal("4852_28135_1579678877", d.ProviderMessageKey));
        Assert.Equal(["bob", "carol"], result.FailedRecipients.Select(f => f.Recipient));
        Assert.Equal(["70107", "20006"], result.FailedRecipients.Select(f => f.Error.ProviderCode));
        Assert.Equal([GatewayErrorCode.RecipientNotFound, GatewayErrorCode.RecipientRejected], result.FailedRecipients.Select(f => f.Error.Code));
        Assert.Single(host.Emulator.Requests.All);
    }

    [Fact]
    public async Task SendAsync_BatchFailWithANonZeroCodeAndNoErrorList_FailsTheWholeChunk()
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.RespondNext("""{"ActionStatus":"FAIL","ErrorCode":60020,"ErrorInfo":"package expired"}""", TencentImEmulator.BatchSendMsgPath);

        var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text("m-fail-chunk", "alice", "bob")));

        Assert.Equal(GatewayErrorCode.Forbidden, exception.ErrorCode);
        Assert.Equal("60020", exception.ProviderErrorCode);
        Assert.Contains("chunk 1 of 1", exception.Message, StringComparison.Ordinal);
        Assert.Contains("package expired", exception.Message, StringComparison.Ordinal);
        Assert.Empty(host.Emulator.Messages);
    }

    [Fact]
    public async Task SendAsync_OkWithoutErrorList_CountsEveryRecipientAsDelivered()
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.RespondNext("""{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MsgKey":"1_2_3"}""", TencentImEmulator.BatchSendMsgPath);

        var result = await host.Provider.SendAsync(Text("m-noerrorlist", "alice", "bob"));

        Assert.Equal(["alice", "bob"], result.Deliveries.Select(d => d.Recipient));
        Assert.All(result.Deliveries, d => Assert.Equal("1_2_3", d.ProviderMessageKey));
        Assert.Empty(result.FailedRecipients);
    }

    [Fact]
    public async Task SendAsync_FailWithoutErrorList_FailsTheWholeChunkPerRecipient()
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.RespondNext("""{"ActionStatus":"FAIL","ErrorCode":70107,"ErrorInfo":"all failed"}""", TencentImEmulator.BatchSendMsgPath);

        var outcome = await host.Gateway.SendAsync(Command("m-allfailed", "alice", "bob"));

        Assert.False(outcome.IsSuccess);
        Assert.Equal(GatewayErrorCode.RecipientNotFound, outcome.Failed.Error.Code);
        Assert.Equal("70107", outcome.Failed.Error.ProviderCode);
        Assert.Contains("all 2 recipients failed", outcome.Failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_FirstChunkRefusedForANonRecipientReason_Throws()
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.FailNext(90011, TencentImEmulator.BatchSendMsgPath);

        var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text("m-refused", "alice", "bob")));

        Assert.Equal(GatewayErrorCode.InvalidMessage, exception.ErrorCode);
        Assert.Equal("90011", exception.ProviderErrorCode);
        Assert.Equal(host.Name, exception.Provider);
        Assert.Single(host.Emulator.Requests.All);
    }

    [Fact]
    public async Task SendAsync_ChunkFailingAfterAnEarlierChunkSucceeded_ReturnsAPartialResult()
    {
        await using var host = await TencentImTestHost.StartAsync(o => o.BatchSize = 2);
        host.Emulator.Faults.Enqueue(Fault.Delay(TimeSpan.Zero), TencentImEmulator.BatchSendMsgPath); // the first chunk is served normally
        host.Emulator.FailNext(60020, TencentImEmulator.BatchSendMsgPath);                         // the second is refused

        var result = await host.Provider.SendAsync(Text("m-chunks", "a", "b", "c", "d", "e"));

        Assert.Equal(["a", "b"], result.Deliveries.Select(d => d.Recipient));
        Assert.Equal(["c", "d", "e"], result.FailedRecipients.Select(f => f.Recipient));
        Assert.All(result.FailedRecipients, f => Assert.Equal(GatewayErrorCode.Forbidden, f.Error.Code));
        Assert.All(result.FailedRecipients, f => Assert.Equal("60020", f.Error.ProviderCode));
        Assert.Equal(2, host.Emulator.Requests.Count); // the third chunk is not attempted once the app is refused
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 3007);
    }

    [Fact]
    public async Task SendAsync_SameCommandToAnotherRecipient_IsNotDroppedByTencentDedup()
    {
        await using var host = await TencentImTestHost.StartAsync();

        await host.Provider.SendAsync(Text("m-same", "alice"));
        await host.Provider.SendAsync(Text("m-same", "bob"));

        Assert.Equal(["alice", "bob"], host.Emulator.Messages.Select(m => m.To));
    }

    [Fact]
    public async Task SendAsync_RedeliveredCommand_IsDeduplicatedByTencentWithinItsWindow()
    {
        await using var host = await TencentImTestHost.StartAsync();

        var first = await host.Provider.SendAsync(Text("m-redelivered", "alice"));
        var second = await host.Provider.SendAsync(Text("m-redelivered", "alice"));

        Assert.Single(host.Emulator.Messages);
        Assert.Equal(1, host.Emulator.DuplicatesDropped);
        Assert.Equal(first.Deliveries[0].ProviderMessageKey, second.Deliveries[0].ProviderMessageKey);
        var bodies = host.Emulator.Requests.All.Select(r => r.Body).ToList();
        Assert.Equal(bodies[0], bodies[1]);
    }

    [Fact]
    public async Task SendAsync_Group_PostsSendGroupMsgAndReturnsMsgSeqAsKey()
    {
        await using var host = await TencentImTestHost.StartAsync();
        var message = new OutboundMessage
        {
            MessageId = "m-wire",
            Recipients = new GroupRecipient("g1"),
            Content = new MessageContent { Type = ContentType.Mention, Mention = new MentionContent { Text = "@bob", UserIds = ["bob"] } },
            Options = new MessageOptions { Priority = MessagePriority.Low },
        };

        var result = await host.Provider.SendAsync(message);
        var second = await host.Provider.SendAsync(message with { MessageId = "m-2" });

        var request = host.Emulator.Requests.All[0];
        Assert.Equal(TencentImEmulator.SendGroupMsgPath, request.Path);
        JsonAssert.Equal("""
            {"GroupId":"g1","Random":3228054118,"MsgPriority":"Low",
             "MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"@bob"}}],
             "GroupAtInfo":[{"GroupAtAllFlag":0,"GroupAt_Account":"bob"}]}
            """, request.Body);
        var delivery = Assert.Single(result.Deliveries);
        Assert.Equal("g1", delivery.Recipient);
        Assert.Equal("1", delivery.ProviderMessageKey);
        Assert.Equal("2", second.Deliveries[0].ProviderMessageKey);
    }

    [Fact]
    public async Task SendAsync_GroupMessageDroppedByFrequencyControl_IsRateLimitedWithRetryAfter()
    {
        await using var host = await TencentImTestHost.StartAsync();
        host.Emulator.RespondNext("""{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MsgTime":1767225600,"MsgSeq":7,"MsgDropReason":"MsgFreqCtrl"}""", TencentImEmulator.SendGroupMsgPath);

        var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.OutboundToGroup(Samples.TextContent())));

        Assert.Equal(GatewayErrorCode.RateLimited, exception.ErrorCode);
        Assert.True(exception.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(1), exception.RetryAfter);
        Assert.Contains("MsgFreqCtrl", exception.Message, StringComparison.Ordinal);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 3009);
    }

    [Fact]
    public async Task SendAsync_UnknownGroup_ThrowsRecipientNotFound()
    {
        await using var host = await TencentImTestHost.StartAsync(emulator: o => o.RequireKnownGroups = true);

        var exception = await Assert.ThrowsAsync<ProviderException>(() =>
            host.Provider.SendAsync(Samples.OutboundToGroup(MessageContent.FromText("x"), "nope")));

        Assert.Equal(GatewayErrorCode.RecipientNotFound, exception.ErrorCode);
        Assert.Equal("10010", exception.ProviderErrorCode);
        Assert.False(exception.IsTransient);
    }

    [Fact]
    public async Task SendAsync_UnknownSingleRecipient_ThrowsRecipientNotFound()
    {
        await using var host = await TencentImTestHost.StartAsync(emulator: o => o.RequireKnownAccounts = true);

        var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Text("m", "ghost")));

        Assert.Equal(GatewayErrorCode.RecipientNotFound, exception.ErrorCode);
        Assert.Equal("90012", exception.ProviderErrorCode);
        Assert.Contains("ghost", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeAsync_GroupMessage_RecallsAndASecondRecallAlsoSucceeds()
    {
        await using var host = await TencentImTestHost.StartAsync();
        var sent = await host.Provider.SendAsync(Samples.OutboundToGroup(MessageContent.FromText("x")));
        var revoke = Revoke(sent.Deliveries[0].ProviderMessageKey!, groupId: "g1");

        await host.Provider.RevokeAsync(revoke);
        await host.Provider.RevokeAsync(revoke);

        var recalls = host.Emulator.Requests.ForPath(TencentImEmulator.GroupMsgRecallPath);
        JsonAssert.Equal("""{"GroupId":"g1","MsgSeqList":[{"MsgSeq":1}]}""", recalls[0].Body);
        Assert.Contains("20023", recalls[1].ResponseBody, StringComparison.Ordinal);
        Assert.True(Assert.Single(host.Emulator.Messages).Recalled);
    }

    [Fact]
    public async Task RevokeAsync_GroupMessageNotFound_ThrowsWithTheItemCode()
    {
        await using var host = await TencentImTestHost.StartAsync();

        var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.RevokeAsync(Revoke("42", groupId: "g1")));

        Assert.Equal("10030", exception.ProviderErrorCode);
        Assert.Equal(GatewayErrorCode.InvalidMessage, exception.ErrorCode);
    }

    [Fact]
    public async Task RevokeAsync_NonNumericGroupKey_IsInvalidWithoutAnyRequest()
    {
        await using var host = await TencentImTestHost.StartAsync();

        var outcome = await host.Gateway.RevokeAsync(new RevokeMessage { MessageId = "r", Target = new RevokeTarget { GroupId = "g1" }, ProviderMessageKey = "1_2_3" });

        Assert.False(outcome.IsSuccess);
        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed!.Error.Code);
        Assert.Equal("providerMessageKey", Assert.Single(outcome.Failed.Error.Details!).Field);
        Assert.Equal(0, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task RevokeAsync_UserMessage_WithdrawsAsTheAdminAndTreatsAlreadyRecalledAsSuccess()
    {
        await using var host = await TencentImTestHost.StartAsync();
        var sent = await host.Provider.SendAsync(Text("m", "alice"));
        var revoke = Revoke(sent.Deliveries[0].ProviderMessageKey!, to: "alice");

        await host.Provider.RevokeAsync(revoke);
        await host.Provider.RevokeAsync(revoke);

        var withdraw = host.Emulator.Requests.ForPath(TencentImEmulator.AdminMsgWithdrawPath);
        JsonAssert.Equal(
            $$"""{"From_Account":"administrator","To_Account":"alice","MsgKey":"{{sent.Deliveries[0].ProviderMessageKey}}"}""",
            withdraw[0].Body);
        Assert.Contains("20023", withdraw[1].ResponseBody, StringComparison.Ordinal);
        Assert.True(Assert.Single(host.Emulator.Messages).Recalled);
    }

    [Fact]
    public async Task RevokeAsync_BatchMessage_RecallsEachRecipientWithTheChunkKey()
    {
        await using var host = await TencentImTestHost.StartAsync();
        var sent = await host.Provider.SendAsync(Text("m", "alice", "bob") with { Sender = new MessageSender { UserId = "carol" } });

        foreach (var delivery in sent.Deliveries)
        {
            await host.Provider.RevokeAsync(Revoke(delivery.ProviderMessageKey!, to: delivery.Recipient, sender: "carol") with { MessageId = "r-" + delivery.Recipient });
        }

        Assert.All(host.Emulator.Messages, m => Assert.True(m.Recalled));
    }

    [Fact]
    public async Task RevokeAsync_UnknownKey_ThrowsInvalidMessage20022()
    {
        await using var host = await TencentImTestHost.StartAsync();

        var exception = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.RevokeAsync(Revoke("9_9_9", to: "alice")));

        Assert.Equal("20022", exception.ProviderErrorCode);
        Assert.Equal(GatewayErrorCode.InvalidMessage, exception.ErrorCode);
    }

    public static TheoryData<string, SendMessage> RejectedBeforeSending => new()
    {
        { "notification", new SendMessage { MessageId = "m", To = ["alice"], Content = new MessageContent { Type = ContentType.Notification, Notification = new NotificationContent { Title = "t", Text = "x", Type = 1 } } } },
        { "recipient id over 32 bytes", new SendMessage { MessageId = "m", To = [new string('a', 33)], Content = MessageContent.FromText("x") } },
        { "body over the budget", new SendMessage { MessageId = "m", To = ["alice"], Content = MessageContent.FromText(new string('x', 9000)) } },
    };

    /// <summary>Options the one-to-one API has but batchsendmsg or send_group_msg lack.</summary>
    public static TheoryData<string, SendMessage, string, string> OptionsWithoutAField => new()
    {
        { "group lifetime", new SendMessage { MessageId = "m1", GroupId = "g1", Content = MessageContent.FromText("x"), Options = new MessageOptions { LifetimeSeconds = 60 } }, "options.lifetimeSeconds", "MsgLifeTime" },
        { "group syncToSender", new SendMessage { MessageId = "m2", GroupId = "g1", Content = MessageContent.FromText("x"), Options = new MessageOptions { SyncToSender = true } }, "options.syncToSender", "SyncOtherMachine" },
        { "group sendTime", new SendMessage { MessageId = "m3", GroupId = "g1", Content = MessageContent.FromText("x"), Options = new MessageOptions { SendTime = DateTimeOffset.UnixEpoch.AddDays(1) } }, "options.sendTime", "MsgTimeStamp" },
        { "batch sendTime", new SendMessage { MessageId = "m4", To = ["a", "b"], Content = MessageContent.FromText("x"), Options = new MessageOptions { SendTime = DateTimeOffset.UnixEpoch.AddDays(1) } }, "options.sendTime", "MsgTimeStamp" },
    };

    [Theory]
    [MemberData(nameof(OptionsWithoutAField))]
    public async Task SendAsync_OptionWithoutAFieldInThatApi_IsIgnoredAndReported(string name, SendMessage message, string ignored, string wireField)
    {
        await using var host = await TencentImTestHost.StartAsync();

        var outcome = await host.Gateway.SendAsync(message);

        Assert.True(outcome.IsSuccess, name);
        Assert.Equal([ignored], outcome.Sent.IgnoredOptions);
        var request = Assert.Single(host.Emulator.Requests.All);
        Assert.Null(request.BodyJson()![wireField]);
    }

    [Theory]
    [MemberData(nameof(OptionsWithoutAField))]
    public async Task SendAsync_OptionWithoutAFieldOnStrictInstance_IsInvalidMessageAndSendsNothing(string name, SendMessage message, string ignored, string wireField)
    {
        await using var host = await TencentImTestHost.StartAsync(strict: true);

        var outcome = await host.Gateway.SendAsync(message);

        Assert.False(outcome.IsSuccess, $"{name} ({wireField})");
        Assert.Equal(ignored, Assert.Single(outcome.Failed.Error.Details!).Field);
        Assert.Equal(0, host.Emulator.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(RejectedBeforeSending))]
    public async Task SendAsync_ProviderRuleBroken_IsInvalidMessageAndSendsNothing(string name, SendMessage message)
    {
        await using var host = await TencentImTestHost.StartAsync();

        var outcome = await host.Gateway.SendAsync(message);

        Assert.False(outcome.IsSuccess, name);
        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed.Error.Code);
        Assert.Equal(0, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_BodyOverBudget_NamesTheFieldAndTheBudget()
    {
        await using var host = await TencentImTestHost.StartAsync(o => o.MaxBodyBytes = 1024);

        var outcome = await host.Gateway.SendAsync(new SendMessage { MessageId = "m", To = ["alice"], Content = MessageContent.FromText(new string('x', 1000)) });

        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed!.Error.Code);
        var detail = Assert.Single(outcome.Failed.Error.Details!);
        Assert.Equal("content", detail.Field);
        Assert.Equal("Gateway.ProviderLimit", detail.Rule);
        Assert.Contains("1024", detail.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_ServerSideSizeLimitStricterThanTheBudget_Maps93000ToInvalidMessage()
    {
        await using var host = await TencentImTestHost.StartAsync(o => o.MaxBodyBytes = 12_288, emulator: o => o.MaxMsgBodyBytes = 8192);

        var outcome = await host.Gateway.SendAsync(new SendMessage { MessageId = "m", To = ["alice"], Content = MessageContent.FromText(new string('x', 10_000)) });

        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed!.Error.Code);
        Assert.Equal("93000", outcome.Failed.Error.ProviderCode);
        Assert.Equal(1, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_SenderNickname_IsIgnoredAndReported()
    {
        await using var host = await TencentImTestHost.StartAsync();

        var outcome = await host.Gateway.SendAsync(new SendMessage
        {
            MessageId = "m",
            Sender = new MessageSender { UserId = "carol", Nickname = "Carol", FaceUrl = "https://x/c.png", PlatformId = 1 },
            To = ["alice"],
            Content = MessageContent.FromText("x"),
        });

        Assert.True(outcome.IsSuccess);
        Assert.Equal(["sender.nickname", "sender.faceUrl", "sender.platformId"], outcome.Sent.IgnoredOptions);
        var body = System.Text.Json.Nodes.JsonNode.Parse(host.Emulator.Requests.All[0].Body)!.AsObject();
        Assert.Equal("carol", body["From_Account"]!.GetValue<string>());
        Assert.Equal(["From_Account", "To_Account", "MsgSeq", "MsgRandom", "MsgBody"], body.Select(p => p.Key));
    }

    [Fact]
    public async Task CircuitState_Healthy_IsClosed()
    {
        await using var host = await TencentImTestHost.StartAsync();

        await host.Provider.SendAsync(Text("m", "alice"));

        Assert.Equal(ProviderCircuitState.Closed, host.Provider.CircuitState);
    }
}
