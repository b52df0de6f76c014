using Gateway.Sandbox.OpenIm;

namespace Gateway.Sandbox.Tests.OpenIm;

/// <summary>The emulated v2.0.8 server's rules (reference §7), exercised with raw HTTP.</summary>
public sealed class OpenImEmulatorV2Tests
{
    private const string Text = """{"operationID":"op-1","sendID":"openIMAdmin","recvID":"u1","content":{"text":"hi"},"contentType":101,"sessionType":1}""";

    [Fact]
    public async Task UserToken_Valid_AnswersAbsoluteExpiry()
    {
        var clock = TestClock.Create();
        await using var emulator = await StartAsync(new OpenImEmulatorOptions { TimeProvider = clock });
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(OpenImRoutes.UserToken, """{"secret":"tuoyun","platform":8,"userID":"openIMAdmin","operationID":"op"}""", operationId: null);

        Assert.Equal((200, 0, ""), (answer.Status, answer.ErrCode, answer.ErrMsg));
        Assert.Equal((clock.GetUtcNow() + TimeSpan.FromDays(3650)).ToUnixTimeSeconds(), answer.Data!["expiredTime"]!.GetValue<long>());
        Assert.Equal("openIMAdmin", answer.Data["userID"]!.GetValue<string>());
        Assert.Null(answer.Json!["errDlt"]);
    }

    [Theory]
    [InlineData("""{"secret":"wrong","platform":8,"userID":"openIMAdmin","operationID":"op"}""", 401, "not authorized")]
    [InlineData("""{"secret":"tuoyun","platform":9,"userID":"openIMAdmin","operationID":"op"}""", 400, "Key: 'UserTokenReq.Platform' Error:Field validation for 'Platform' failed on the 'max' tag")]
    [InlineData("""{"secret":"tuoyun","platform":8,"userID":"openIMAdmin"}""", 400, "Key: 'UserTokenReq.OperationID' Error:Field validation for 'OperationID' failed on the 'required' tag")]
    public async Task UserToken_Refused_AnswersHttp400(string body, int errCode, string errMsg)
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(OpenImRoutes.UserToken, body, operationId: null);

        Assert.Equal((400, errCode, errMsg), (answer.Status, answer.ErrCode, answer.ErrMsg));
    }

    [Fact]
    public async Task ManagerSendMsg_Valid_StoresRawTextAndAnswersIds()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(OpenImRoutes.ManagerSendMsg, Text, operationId: null, token: await wire.AdminTokenAsync("openIMAdmin"));

        Assert.Equal((200, 0), (answer.Status, answer.ErrCode));
        Assert.Matches("^[0-9a-f]{32}$", answer.Data!["clientMsgID"]!.GetValue<string>());
        var stored = Assert.Single(emulator.Messages);
        Assert.Equal(("hi", "op-1", 1), (stored.Content, stored.OperationId, stored.SessionType));
    }

    [Theory]
    [InlineData("""{"sendID":"openIMAdmin","recvID":"u1","content":{"text":"hi"},"contentType":101,"sessionType":1}""", 400, "Key: 'ManagementSendMsgReq.OperationID' Error:Field validation for 'OperationID' failed on the 'required' tag")]
    [InlineData("""{"operationID":"o","sendID":"openIMAdmin","recvID":"u1","content":{"text":"hi"},"contentType":106,"sessionType":1}""", 404, "contentType err")]
    [InlineData("""{"operationID":"o","sendID":"openIMAdmin","recvID":"u1","content":{"data":{"a":1}},"contentType":110,"sessionType":1}""", 401, null)]
    [InlineData("""{"operationID":"o","sendID":"openIMAdmin","recvID":"u1","content":{"description":"d"},"contentType":110,"sessionType":1}""", 403, "Key: 'CustomElem.Data' Error:Field validation for 'Data' failed on the 'required' tag")]
    [InlineData("""{"operationID":"o","sendID":"openIMAdmin","recvID":"u1","content":{"notificationName":"n","notificationType":1,"text":"t"},"contentType":1400,"sessionType":4}""", 403, "Key: 'OANotificationElem.NotificationFaceURL' Error:Field validation for 'NotificationFaceURL' failed on the 'required' tag")]
    [InlineData("""{"operationID":"o","sendID":"openIMAdmin","content":{"text":"hi"},"contentType":101,"sessionType":1}""", 405, "recvID is a null string")]
    [InlineData("""{"operationID":"o","sendID":"openIMAdmin","content":{"text":"hi"},"contentType":101,"sessionType":2}""", 405, "groupID is a null string")]
    public async Task ManagerSendMsg_Refused_AnswersHttp400WithV2Code(string body, int errCode, string? errMsg)
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(OpenImRoutes.ManagerSendMsg, body, operationId: null, token: await wire.AdminTokenAsync("openIMAdmin"));

        Assert.Equal((400, errCode), (answer.Status, answer.ErrCode));
        if (errMsg is not null)
        {
            Assert.Equal(errMsg, answer.ErrMsg);
        }
        else
        {
            Assert.Contains("decoding", answer.ErrMsg, StringComparison.Ordinal);
        }

        Assert.Empty(emulator.Messages);
    }

    [Fact]
    public async Task ManagerSendMsg_BadOrExpiredToken_AnswersParseTokenFailed()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);
        var token = await wire.AdminTokenAsync("openIMAdmin");
        emulator.ExpireTokens();

        var expired = await wire.PostAsync(OpenImRoutes.ManagerSendMsg, Text, operationId: null, token: token);
        var garbage = await wire.PostAsync(OpenImRoutes.ManagerSendMsg, Text, operationId: null, token: "garbage");

        foreach (var answer in new[] { expired, garbage })
        {
            Assert.Equal((400, 400, "parse token failed"), (answer.Status, answer.ErrCode, answer.ErrMsg));
            Assert.Equal(("0", "\"\""), (answer.Json!["sendTime"]!.ToJsonString(), answer.Json["MsgID"]!.ToJsonString()));
        }
    }

    [Fact]
    public async Task ManagerSendMsg_ContentCheckedBeforeToken()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.ManagerSendMsg,
            """{"operationID":"o","sendID":"openIMAdmin","recvID":"u1","content":{"text":""},"contentType":101,"sessionType":1}""",
            operationId: null,
            token: "garbage");

        Assert.Equal((400, 403), (answer.Status, answer.ErrCode));
    }

    [Fact]
    public async Task ManagerSendMsg_NonAdminToken_AnswersNotAuthorized()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(OpenImRoutes.ManagerSendMsg, Text, operationId: null, token: await wire.AdminTokenAsync("u1"));

        Assert.Equal((400, 400, "not authorized"), (answer.Status, answer.ErrCode, answer.ErrMsg));
    }

    [Theory]
    [InlineData("""{"text":123}""")]
    [InlineData("""{"TEXT":"hi"}""")]
    public async Task ManagerSendMsg_TextNotAStringUnderTheExactKey_PanicsWithEmptyHttp500(string content)
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.ManagerSendMsg,
            $$"""{"operationID":"o","sendID":"openIMAdmin","recvID":"u1","content":{{content}},"contentType":101,"sessionType":1}""",
            operationId: null,
            token: await wire.AdminTokenAsync("openIMAdmin"));

        Assert.Equal((500, string.Empty), (answer.Status, answer.Text));
    }

    [Theory]
    [InlineData("u9", 1, 600, "in black list")]
    [InlineData("u8", 1, 601, "not friend")]
    [InlineData("openIMAdmin", 3, 203, "unkonwn sessionType")]
    public async Task ManagerSendMsg_RpcRefusal_AnswersHttp200WithV2Code(string sender, int sessionType, int errCode, string errMsg)
    {
        var options = new OpenImEmulatorOptions { FriendVerification = true };
        options.BlockedSenders["u1"] = new HashSet<string> { "u9" };
        options.Friends["u1"] = new HashSet<string> { "u9" };
        await using var emulator = await StartAsync(options);
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.ManagerSendMsg,
            $$"""{"operationID":"o","sendID":"{{sender}}","recvID":"u1","groupID":"g1","content":{"text":"hi"},"contentType":101,"sessionType":{{sessionType}}}""",
            operationId: null,
            token: await wire.AdminTokenAsync("openIMAdmin"));

        Assert.Equal((200, errCode, errMsg), (answer.Status, answer.ErrCode, answer.ErrMsg));
    }

    [Fact]
    public async Task ManagerSendMsg_Video_IsAcceptedButStoredEmpty()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(
            OpenImRoutes.ManagerSendMsg,
            """{"operationID":"o","sendID":"openIMAdmin","recvID":"u1","content":{"videoUrl":"v","videoType":"mp4"},"contentType":104,"sessionType":1}""",
            operationId: null,
            token: await wire.AdminTokenAsync("openIMAdmin"));

        Assert.Equal(0, answer.ErrCode);
        Assert.Equal(string.Empty, emulator.Messages.Single().Content);
    }

    [Fact]
    public async Task ManagerSendMsg_Revoke_MarksTheMessageRevoked()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);
        var token = await wire.AdminTokenAsync("openIMAdmin");
        var sent = await wire.PostAsync(OpenImRoutes.ManagerSendMsg, Text, operationId: null, token: token);
        var key = sent.Data!["clientMsgID"]!.GetValue<string>();

        var answer = await wire.PostAsync(
            OpenImRoutes.ManagerSendMsg,
            $$"""{"operationID":"o","sendID":"openIMAdmin","recvID":"u1","content":{"revokeMsgClientID":"{{key}}"},"contentType":111,"sessionType":1}""",
            operationId: null,
            token: token);

        Assert.Equal(0, answer.ErrCode);
        Assert.True(emulator.IsRevoked(key));
        Assert.False(emulator.IsRevoked("other"));
    }

    [Fact]
    public async Task V3Routes_AreNotServed()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);

        var answer = await wire.PostAsync(OpenImRoutes.SendMsg, Text, token: await wire.AdminTokenAsync("openIMAdmin"));

        Assert.Equal(404, answer.Status);
    }

    [Fact]
    public async Task FailNext_AnswersAV2EnvelopeWithoutErrDlt()
    {
        await using var emulator = await StartAsync();
        using var wire = new OpenImWire(emulator);
        emulator.FailNext(OpenImRoutes.ManagerSendMsg, 500, "call UserSendMsg  rpc server failed", status: 500);

        var answer = await wire.PostAsync(OpenImRoutes.ManagerSendMsg, Text, operationId: null, token: "any");

        Assert.Equal((500, 500), (answer.Status, answer.ErrCode));
        Assert.Null(answer.Json!["errDlt"]);
    }

    private static async Task<OpenImEmulator> StartAsync(OpenImEmulatorOptions? options = null)
    {
        options ??= new OpenImEmulatorOptions();
        options.Generation = OpenImServerGeneration.V2;
        var emulator = new OpenImEmulator(options);
        await emulator.StartAsync();
        return emulator;
    }
}
