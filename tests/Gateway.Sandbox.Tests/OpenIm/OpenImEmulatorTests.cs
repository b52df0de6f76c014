using Gateway.Sandbox.Hosting;
using Gateway.Sandbox.OpenIm;

namespace Gateway.Sandbox.Tests.OpenIm;

/// <summary>The emulated v3 server's rules (reference §1–§6), exercised with raw HTTP.</summary>
public sealed class OpenImEmulatorTests
{
    private const string Text = """{"sendID":"imAdmin","recvID":"u1","content":{"content":"hi"},"contentType":101,"sessionType":1}""";

    [Fact]
    public async Task GetAdminToken_Defaults_IssuesTokenWithDurationInSeconds()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(OpenImRoutes.GetAdminToken, """{"secret":"openIM123","userID":"imAdmin"}""");

        Assert.Equal((200, 0, "", ""), (answer.Status, answer.ErrCode, answer.ErrMsg, answer.ErrDlt));
        Assert.Equal(7_776_000, answer.Data!["expireTimeSeconds"]!.GetValue<long>());
        Assert.Equal(3, answer.Data["token"]!.GetValue<string>().Split('.').Length);
        Assert.Equal(1, emulator.TokensIssued);
    }

    [Theory]
    [InlineData("""{"secret":"wrong","userID":"imAdmin"}""", 1002, "NoPermissionError", "secret invalid")]
    [InlineData("""{"secret":"openIM123","userID":"u1"}""", 1001, "ArgsError", "userID is error.: u1")]
    [InlineData("""{"secret":"openIM123"}""", 1001, "ArgsError", "userID is empty")]
    public async Task GetAdminToken_Refused_AnswersHttp200WithCode(string body, int errCode, string errMsg, string errDlt)
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(OpenImRoutes.GetAdminToken, body);

        Assert.Equal((200, errCode, errMsg, errDlt), (answer.Status, answer.ErrCode, answer.ErrMsg, answer.ErrDlt));
        Assert.Null(answer.Data);
        Assert.Equal(0, emulator.TokensIssued);
    }

    [Fact]
    public async Task Post_MissingOperationId_Answers1001BeforeAnythingElse()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(OpenImRoutes.GetAdminToken, """{"secret":"openIM123","userID":"imAdmin"}""", operationId: null);

        Assert.Equal((200, 1001, "header must have operationID"), (answer.Status, answer.ErrCode, answer.ErrDlt));
    }

    [Fact]
    public async Task SendMsg_MissingToken_Answers1001()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(OpenImRoutes.SendMsg, Text);

        Assert.Equal((200, 1001, "header must have token"), (answer.Status, answer.ErrCode, answer.ErrDlt));
    }

    [Fact]
    public async Task SendMsg_BadTokens_AnswerTheTokenCodes()
    {
        await using var emulator = await StartAsync();
        await using var other = await StartAsync(new OpenImEmulatorOptions { Secret = "another-deployment" });
        using var wire = new OpenImWire(emulator);
        using var otherWire = new OpenImWire(other);

        var malformed = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: "not-a-jwt");
        var foreign = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: await otherWire.AdminTokenAsync());

        Assert.Equal((200, 1503, "TokenMalformedError"), (malformed.Status, malformed.ErrCode, malformed.ErrMsg));
        Assert.Equal((200, 1505), (foreign.Status, foreign.ErrCode));
    }

    [Fact]
    public async Task SendMsg_TokenPastItsLifetime_Answers1501()
    {
        var clock = TestClock.Create();
        await using var emulator = await StartAsync(new OpenImEmulatorOptions { TimeProvider = clock, TokenLifetime = TimeSpan.FromHours(1) });
        using var wire = new OpenImWire(emulator);
        var token = await wire.AdminTokenAsync();

        clock.Advance(TimeSpan.FromMinutes(61));
        var answer = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: token);

        Assert.Equal((1501, "TokenExpiredError"), (answer.ErrCode, answer.ErrMsg));
    }

    [Fact]
    public async Task SendMsg_Valid_AnswersServerGeneratedIdsAndStoresTheMessage()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(OpenImRoutes.SendMsg, Text, operationId: "m-1-abc", token: await wire.AdminTokenAsync());

        Assert.Equal((200, 0), (answer.Status, answer.ErrCode));
        Assert.Matches("^[0-9a-f]{32}$", answer.Data!["serverMsgID"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$", answer.Data["clientMsgID"]!.GetValue<string>());
        var stored = Assert.Single(emulator.Messages);
        Assert.Equal(("imAdmin", "u1", 1, 101, """{"content":"hi"}""", "m-1-abc"), (stored.SendId, stored.RecvId, stored.SessionType, stored.ContentType, stored.Content, stored.OperationId));
        Assert.Equal(answer.Data["sendTime"]!.GetValue<long>(), stored.SendTime);
    }

    [Theory]
    [InlineData("", "EOF")]
    [InlineData("""{"recvID":"u1","content":{"content":"hi"},"contentType":101,"sessionType":1}""", "Key: 'SendMsgReq.SendMsg.SendID' Error:Field validation for 'SendID' failed on the 'required' tag")]
    [InlineData("""{"sendID":"imAdmin","content":{"content":"hi"},"contentType":101,"sessionType":1}""", "Key: 'SendMsgReq.RecvID' Error:Field validation for 'RecvID' failed on the 'required_if' tag")]
    [InlineData("""{"sendID":"imAdmin","content":{"content":"hi"},"contentType":101,"sessionType":3}""", "Key: 'SendMsgReq.SendMsg.GroupID' Error:Field validation for 'GroupID' failed on the 'required_if' tag")]
    [InlineData("""{"sendID":"imAdmin","recvID":"u1","content":null,"contentType":101,"sessionType":1}""", "Key: 'SendMsgReq.SendMsg.Content' Error:Field validation for 'Content' failed on the 'required' tag")]
    [InlineData("""{"sendID":"imAdmin","recvID":"u1","content":{"content":"hi"},"contentType":"101","sessionType":1}""", "json: cannot unmarshal string into Go struct field SendMsgReq.contentType of type int32")]
    [InlineData("""{"sendID":"imAdmin","recvID":"u1","content":"hi","contentType":101,"sessionType":1}""", "json: cannot unmarshal string into Go struct field SendMsgReq.content of type map[string]interface {}")]
    [InlineData("""{"sendID":"imAdmin","recvID":"u1","content":{"content":"hi"},"contentType":101,"sessionType":1,"offlinePushInfo":{"iOSBadgeCount":1}}""", "json: cannot unmarshal number into Go struct field SendMsgReq.offlinePushInfo.iOSBadgeCount of type bool")]
    public async Task SendMsg_BindingFails_AnswersHttp400With1001(string body, string errDlt)
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(OpenImRoutes.SendMsg, body, token: await wire.AdminTokenAsync());

        Assert.Equal((400, 1001, "ArgsError", errDlt), (answer.Status, answer.ErrCode, answer.ErrMsg, answer.ErrDlt));
        Assert.Empty(emulator.Messages);
    }

    [Fact]
    public async Task SendMsg_UnknownKeysAndKeyCase_AreIgnoredAndMatchedLikeGo()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.SendMsg,
            """{"SENDID":"imAdmin","recvId":"u1","content":{"CONTENT":"hi"},"contentType":101,"sessionType":1,"clientMsgID":"mine","operationID":"ignored"}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal(0, answer.ErrCode);
        Assert.NotEqual("mine", answer.Data!["clientMsgID"]!.GetValue<string>());
        Assert.Equal("""{"CONTENT":"hi"}""", emulator.Messages.Single().Content);
    }

    [Fact]
    public async Task SendMsg_NonAdminToken_Answers1002AfterBinding()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);
        var userToken = emulator.IssueToken("u1", platformId: 1);

        var valid = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: userToken);
        var malformed = await wire.PostAsync(OpenImRoutes.SendMsg, "{}", token: userToken);

        Assert.Equal((200, 1002, "only app manager can send message"), (valid.Status, valid.ErrCode, valid.ErrDlt));
        Assert.Equal((400, 1001), (malformed.Status, malformed.ErrCode));
    }

    [Theory]
    [InlineData(109, """{"description":"x","latitude":1,"longitude":2}""")]
    [InlineData(111, """{"revokeMsgClientID":"abc"}""")]
    [InlineData(114, """{"text":"quote"}""")]
    public async Task SendMsg_UnsupportedContentType_Answers1001WithEmptyDetail(int contentType, string content)
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.SendMsg,
            $$"""{"sendID":"imAdmin","recvID":"u1","content":{{content}},"contentType":{{contentType}},"sessionType":1}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal((200, 1001, "ArgsError", ""), (answer.Status, answer.ErrCode, answer.ErrMsg, answer.ErrDlt));
    }

    [Theory]
    [InlineData(101, """{"content":""}""", "Key: 'TextElem.Content' Error:Field validation for 'Content' failed on the 'required' tag")]
    [InlineData(101, """{"text":"v2 spelling"}""", "Key: 'TextElem.Content' Error:Field validation for 'Content' failed on the 'required' tag")]
    [InlineData(102, """{"sourcePicture":{"type":"png","width":1,"height":1,"url":"u"},"snapshotPicture":{"type":"png","width":1,"height":1,"url":"u"}}""", "Key: 'PictureElem.BigPicture.Type' Error:Field validation for 'Type' failed on the 'required' tag\nKey: 'PictureElem.BigPicture.Width' Error:Field validation for 'Width' failed on the 'required' tag\nKey: 'PictureElem.BigPicture.Height' Error:Field validation for 'Height' failed on the 'required' tag\nKey: 'PictureElem.BigPicture.Url' Error:Field validation for 'Url' failed on the 'required' tag")]
    [InlineData(103, """{"sourceUrl":"u","duration":0}""", "Key: 'SoundElem.Duration' Error:Field validation for 'Duration' failed on the 'required' tag")]
    [InlineData(103, """{"sourceUrl":"u","duration":-1}""", "Key: 'SoundElem.Duration' Error:Field validation for 'Duration' failed on the 'min' tag")]
    [InlineData(104, """{"videoUrl":"u","videoType":"mp4","videoSize":1,"duration":1,"snapshotUrl":"s","snapshotWidth":1}""", "Key: 'VideoElem.SnapshotHeight' Error:Field validation for 'SnapshotHeight' failed on the 'required' tag")]
    [InlineData(105, """{"sourceUrl":"u","fileName":"f"}""", "Key: 'FileElem.FileSize' Error:Field validation for 'FileSize' failed on the 'required' tag")]
    [InlineData(110, """{"data":""}""", "Key: 'CustomElem.Data' Error:Field validation for 'Data' failed on the 'required' tag")]
    [InlineData(1400, """{"notificationName":"n","notificationType":1,"text":"t","mixType":6}""", "Key: 'OANotificationElem.MixType' Error:Field validation for 'MixType' failed on the 'lte' tag")]
    public async Task SendMsg_ContentFailsValidation_AnswersErrCode500WithValidatorText(int contentType, string content, string errDlt)
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.SendMsg,
            $$"""{"sendID":"imAdmin","recvID":"u1","content":{{content}},"contentType":{{contentType}},"sessionType":1}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal((200, 500, "ServerInternalError", errDlt), (answer.Status, answer.ErrCode, answer.ErrMsg, answer.ErrDlt));
    }

    [Fact]
    public async Task SendMsg_GroupMentionWithoutAtUserList_AnswersErrCode500()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.SendMsg,
            """{"sendID":"imAdmin","groupID":"g1","content":{"text":"hi"},"contentType":106,"sessionType":3}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal((500, "Key: 'AtElem.AtUserList' Error:Field validation for 'AtUserList' failed on the 'required' tag"), (answer.ErrCode, answer.ErrDlt));
    }

    [Fact]
    public async Task SendMsg_CustomDataAsObject_AnswersErrCode500DecodingError()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.SendMsg,
            """{"sendID":"imAdmin","recvID":"u1","content":{"data":{"a":1}},"contentType":110,"sessionType":1}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal(500, answer.ErrCode);
        Assert.StartsWith("1 error(s) decoding:", answer.ErrDlt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMsg_TextAsNumber_IsWeaklyDecodedAndStoredAsSent()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.SendMsg,
            """{"sendID":"imAdmin","recvID":"u1","content":{"content":123},"contentType":101,"sessionType":1}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal(0, answer.ErrCode);
        Assert.Equal("""{"content":123}""", emulator.Messages.Single().Content);
    }

    [Theory]
    [InlineData(2, """ "groupID":"g1" """, "unknown sessionType")]
    [InlineData(5, """ "recvID":"u1" """, "unknown sessionType")]
    [InlineData(4, """ "recvID":"u1" """, "notification msg must have correct session type and content type")]
    public async Task SendMsg_BadSessionType_Answers1001(int sessionType, string target, string errDlt)
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.SendMsg,
            $$"""{"sendID":"imAdmin",{{target}},"content":{"content":"hi"},"contentType":101,"sessionType":{{sessionType}}}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal((200, 1001, errDlt), (answer.Status, answer.ErrCode, answer.ErrDlt));
    }

    [Fact]
    public async Task SendMsg_NotificationWithSessionType1_IsForcedTo4AndWrappedInDetail()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.SendMsg,
            """{"sendID":"imAdmin","recvID":"u1","content":{"text":"t","notificationType":1,"notificationName":"n"},"contentType":1400,"sessionType":1}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal(0, answer.ErrCode);
        var stored = emulator.Messages.Single();
        Assert.Equal(4, stored.SessionType);
        Assert.Equal("""{"detail":"{\"notificationName\":\"n\",\"notificationType\":1,\"text\":\"t\"}"}""", stored.Content);
    }

    [Theory]
    [InlineData("u1", 1002, "notification messages cannot be sent for this ID")]
    [InlineData("ghost", 1101, "ghost")]
    [InlineData("notice", 0, "")]
    public async Task SendMsg_NotificationSender_MustBeAdminOrNotificationAccount(string sender, int errCode, string errDlt)
    {
        var options = new OpenImEmulatorOptions { Users = new HashSet<string> { "u1" } };
        options.NotificationAccounts.Add("notice");
        await using var emulator = await StartAsync(options);
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.SendMsg,
            $$"""{"sendID":"{{sender}}","recvID":"u1","content":{"text":"t","notificationType":1,"notificationName":"n"},"contentType":1400,"sessionType":4}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal((errCode, errDlt), (answer.ErrCode, answer.ErrDlt));
    }

    [Theory]
    [InlineData("imAdmin", "ghost", 1004)]
    [InlineData("imAdmin", "quiet", 1001)]
    [InlineData("imAdmin", "u1", 0)]
    [InlineData("u9", "u1", 1302)]
    [InlineData("u8", "u1", 1303)]
    [InlineData("u7", "u1", 0)]
    public async Task SendMsg_SingleChatChecks_FollowTheServerOrder(string sender, string recipient, int errCode)
    {
        var options = new OpenImEmulatorOptions { Users = new HashSet<string> { "u1", "u7", "u8", "u9", "quiet" }, FriendVerification = true };
        options.RefusingRecipients.Add("quiet");
        options.BlockedSenders["u1"] = new HashSet<string> { "u9", "imAdmin" };
        options.Friends["u1"] = new HashSet<string> { "u7", "u9" };
        await using var emulator = await StartAsync(options);
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.SendMsg,
            $$"""{"sendID":"{{sender}}","recvID":"{{recipient}}","content":{"content":"hi"},"contentType":101,"sessionType":1}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal(errCode, answer.ErrCode);
        Assert.Equal(errCode == 1001 ? "message is not sent" : string.Empty, answer.ErrCode == 1001 ? answer.ErrDlt : string.Empty);
    }

    [Theory]
    [InlineData("imAdmin", "missing", 1004)]
    [InlineData("imAdmin", "gone", 1204)]
    [InlineData("imAdmin", "quiet", 0)]
    [InlineData("stranger", "open", 1203)]
    [InlineData("muted", "open", 1402)]
    [InlineData("member", "quiet", 1403)]
    [InlineData("member", "open", 0)]
    public async Task SendMsg_GroupChecks_ApplyToNonAdminSenders(string sender, string group, int errCode)
    {
        var open = new OpenImEmulatedGroup { Members = new HashSet<string> { "member", "muted" } };
        open.MutedMembers.Add("muted");
        var options = new OpenImEmulatorOptions
        {
            Groups = new Dictionary<string, OpenImEmulatedGroup>
            {
                ["open"] = open,
                ["quiet"] = new() { Members = new HashSet<string> { "member" }, Muted = true },
                ["gone"] = new() { Dismissed = true },
            },
        };
        await using var emulator = await StartAsync(options);
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.SendMsg,
            $$"""{"sendID":"{{sender}}","groupID":"{{group}}","content":{"content":"hi"},"contentType":101,"sessionType":3}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal(errCode, answer.ErrCode);
    }

    [Fact]
    public async Task BatchSendMsg_PartialFailure_ListsFailuresWithoutReasonAndSharesClientMsgId()
    {
        await using var emulator = await StartAsync(new OpenImEmulatorOptions { Users = new HashSet<string> { "u1", "u3" } });
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.BatchSendMsg,
            """{"sendID":"imAdmin","content":{"content":"hi"},"contentType":101,"sessionType":1,"recvIDs":["u1","u2","u3"]}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal(0, answer.ErrCode);
        var results = answer.Data!["results"]!.AsArray();
        Assert.Equal(["u1", "u3"], results.Select(r => r!["recvID"]!.GetValue<string>()));
        Assert.Single(results.Select(r => r!["clientMsgID"]!.GetValue<string>()).Distinct());
        Assert.Equal(2, results.Select(r => r!["serverMsgID"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal("""["u2"]""", answer.Data["failedUserIDs"]!.ToJsonString());
    }

    [Fact]
    public async Task BatchSendMsg_EmptyRecvIds_AnswersNullLists()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.BatchSendMsg,
            """{"sendID":"imAdmin","content":{"content":"hi"},"contentType":101,"sessionType":1,"recvIDs":[]}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal(0, answer.ErrCode);
        Assert.Equal("""{"results":null,"failedUserIDs":null}""", answer.Data!.ToJsonString());
    }

    [Fact]
    public async Task BatchSendMsg_RecvIdsMissingEvenWithIsSendAll_AnswersHttp400()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.BatchSendMsg,
            """{"sendID":"imAdmin","content":{"content":"hi"},"contentType":101,"sessionType":1,"isSendAll":true}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal((400, 1001, "Key: 'BatchSendMsgReq.RecvIDs' Error:Field validation for 'RecvIDs' failed on the 'required' tag"), (answer.Status, answer.ErrCode, answer.ErrDlt));
    }

    [Fact]
    public async Task BatchSendMsg_IsSendAll_SendsToEveryDirectoryUser()
    {
        await using var emulator = await StartAsync(new OpenImEmulatorOptions { Users = new HashSet<string> { "a", "b" } });
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.BatchSendMsg,
            """{"sendID":"imAdmin","content":{"content":"hi"},"contentType":101,"sessionType":1,"isSendAll":true,"recvIDs":[]}""",
            token: await wire.AdminTokenAsync());

        Assert.Equal(2, answer.Data!["results"]!.AsArray().Count);
        Assert.Equal(2, emulator.Messages.Count);
    }

    [Fact]
    public async Task AdminToken_WithEviction_OlderTokenFailsFiveMinutesAfterANewerOne()
    {
        var clock = TestClock.Create();
        await using var emulator = await StartAsync(new OpenImEmulatorOptions { TimeProvider = clock, EvictOlderAdminTokens = true });
        using var wire = new OpenImWire(emulator);
        var older = await wire.AdminTokenAsync();
        var newer = await wire.AdminTokenAsync();

        clock.Advance(TimeSpan.FromMinutes(4));
        var stillGood = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: older);
        clock.Advance(TimeSpan.FromMinutes(2));
        var evicted = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: older);
        var current = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: newer);

        Assert.Equal((0, 1507, 0), (stillGood.ErrCode, evicted.ErrCode, current.ErrCode));
        Assert.Equal("TokenNotExistError", evicted.ErrMsg);
    }

    [Fact]
    public async Task AdminToken_WithoutEviction_OlderTokensKeepWorking()
    {
        var clock = TestClock.Create();
        await using var emulator = await StartAsync(new OpenImEmulatorOptions { TimeProvider = clock });
        using var wire = new OpenImWire(emulator);
        var older = await wire.AdminTokenAsync();
        await wire.AdminTokenAsync();

        clock.Advance(TimeSpan.FromHours(1));
        var answer = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: older);

        Assert.Equal(0, answer.ErrCode);
    }

    [Theory]
    [InlineData("expire", 1501)]
    [InlineData("kick", 1506)]
    [InlineData("forget", 1507)]
    public async Task TokenHelpers_MakeIssuedTokensFailWithTheirCode(string helper, int errCode)
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);
        var token = await wire.AdminTokenAsync();

        Action act = helper switch
        {
            "expire" => emulator.ExpireTokens,
            "kick" => emulator.KickTokens,
            _ => emulator.ForgetTokens,
        };
        act();
        var answer = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: token);
        var fresh = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: await wire.AdminTokenAsync());

        Assert.Equal((errCode, 0), (answer.ErrCode, fresh.ErrCode));
    }

    [Fact]
    public async Task V3UserToken_ServesUserTokenButNotGetAdminToken()
    {
        await using var emulator = await StartAsync(new OpenImEmulatorOptions { Generation = OpenImServerGeneration.V3UserToken });
        using var wire = new OpenImWire(emulator);

        var token = await wire.AdminTokenAsync();
        var sent = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: token);
        var adminRoute = await wire.PostAsync(OpenImRoutes.GetAdminToken, """{"secret":"openIM123","userID":"imAdmin"}""");
        var adminRouteWithToken = await wire.PostAsync(OpenImRoutes.GetAdminToken, """{"secret":"openIM123","userID":"imAdmin"}""", token: token);

        Assert.Equal(0, sent.ErrCode);
        Assert.Equal((200, 1001, "header must have token"), (adminRoute.Status, adminRoute.ErrCode, adminRoute.ErrDlt));
        Assert.Equal((404, "404 page not found"), (adminRouteWithToken.Status, adminRouteWithToken.Text));
    }

    [Fact]
    public async Task V3UserToken_UnknownToken_Answers1507()
    {
        await using var emulator = await StartAsync(new OpenImEmulatorOptions { Generation = OpenImServerGeneration.V3UserToken });
        await using var twin = await StartAsync(new OpenImEmulatorOptions { Generation = OpenImServerGeneration.V3UserToken });
        using var wire = new OpenImWire(emulator);
        using var twinWire = new OpenImWire(twin);

        // Same secret, so the signature is good, but this server never issued (cached) the token.
        var answer = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: await twinWire.AdminTokenAsync());

        Assert.Equal(1507, answer.ErrCode);
    }

    [Fact]
    public async Task UnknownPath_WithHeaders_Answers404AndGetAnswers404()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);
        var token = await wire.AdminTokenAsync();

        var post = await wire.PostAsync("/msg/send_simple", "{}", token: token);
        var get = await wire.PostAsync(OpenImRoutes.SendMsg, null, token: token, method: "GET");

        Assert.Equal((404, "404 page not found"), (post.Status, post.Text));
        Assert.Equal(404, get.Status);
    }

    [Fact]
    public async Task FailNext_AnswersTheEnvelopeOnceThenServesNormally()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);
        var token = await wire.AdminTokenAsync();
        emulator.FailNext(OpenImRoutes.SendMsg, 90004, "NetworkError", "webhook unreachable");

        var failed = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: token);
        var next = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: token);

        Assert.Equal((200, 90004, "NetworkError", "webhook unreachable"), (failed.Status, failed.ErrCode, failed.ErrMsg, failed.ErrDlt));
        Assert.Equal(0, next.ErrCode);
        Assert.Single(emulator.Messages);
    }

    [Fact]
    public async Task RespondRateLimited_Answers429WithRetryAfterAndEnvelope()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);
        emulator.RespondRateLimited(TimeSpan.FromSeconds(7), OpenImRoutes.SendMsg);

        var answer = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: "any");

        Assert.Equal((429, 429, "too many requests, please try again later"), (answer.Status, answer.ErrCode, answer.ErrMsg));
        Assert.Equal(TimeSpan.FromSeconds(7), answer.Headers.RetryAfter!.Delta);
        Assert.True(answer.Headers.Contains("X-RateLimit-Limit"));
    }

    [Fact]
    public async Task RespondPanic_Answers500WithEmptyBody()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);
        emulator.RespondPanic();

        var answer = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: "any");

        Assert.Equal((500, string.Empty), (answer.Status, answer.Text));
    }

    [Fact]
    public async Task Requests_RecordEveryRequestWithItsAnswer()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var token = await wire.AdminTokenAsync();
        await wire.PostAsync(OpenImRoutes.SendMsg, "{}", operationId: "op-42", token: token);

        var recorded = emulator.Requests.ForPath(OpenImRoutes.SendMsg).Single();
        Assert.Equal(("POST", "{}", "op-42", token, 400), (recorded.Method, recorded.Body, recorded.Headers["operationID"], recorded.Headers["token"], recorded.ResponseStatus));
        Assert.Contains("\"errCode\":1001", recorded.ResponseBody, StringComparison.Ordinal);
        Assert.Equal(2, emulator.Requests.Count);
    }

    [Fact]
    public async Task Faults_DropConnection_ClosesWithoutAnswer()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);
        emulator.Faults.Enqueue(Fault.DropConnection(), OpenImRoutes.SendMsg);

        await Assert.ThrowsAsync<HttpRequestException>(() => wire.PostAsync(OpenImRoutes.SendMsg, Text, token: "any"));
    }

    private static async Task<OpenImEmulator> StartAsync(OpenImEmulatorOptions? options = null)
    {
        var emulator = new OpenImEmulator(options);
        await emulator.StartAsync();
        return emulator;
    }
}
