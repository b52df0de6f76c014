using Gateway.Sandbox.TencentIm;

namespace Gateway.Sandbox.Tests.TencentIm;

public sealed class TencentImEmulatorStateTests
{
    private const string Text = """{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}""";

    [Fact]
    public async Task SendMsg_SameSenderSeqRandomAndContentWithin120s_IsDeduplicatedEvenForAnotherRecipient()
    {
        var clock = TestClock.Create();
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o => o.TimeProvider = clock);

        var first = await fixture.SendMsgAsync("alice", seq: 7, random: 9);
        clock.Advance(TimeSpan.FromSeconds(119));
        var repeat = await fixture.SendMsgAsync("bob", seq: 7, random: 9);

        Assert.Equal(0, repeat.Code());
        Assert.Equal(first["MsgKey"]!.GetValue<string>(), repeat["MsgKey"]!.GetValue<string>());
        Assert.Equal(["alice"], fixture.Emulator.Messages.Select(m => m.To));
        Assert.Equal(1, fixture.Emulator.DuplicatesDropped);
    }

    [Fact]
    public async Task SendMsg_SameKeyAfter120s_IsDeliveredAgain()
    {
        var clock = TestClock.Create();
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o => o.TimeProvider = clock);

        await fixture.SendMsgAsync("alice", seq: 7, random: 9);
        clock.Advance(TimeSpan.FromSeconds(120));
        await fixture.SendMsgAsync("alice", seq: 7, random: 9);

        Assert.Equal(2, fixture.Emulator.Messages.Count);
        Assert.Equal(0, fixture.Emulator.DuplicatesDropped);
    }

    [Fact]
    public async Task SendMsg_SameKeyOtherContentOrSender_IsNotADuplicate()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();

        await fixture.SendMsgAsync("alice", seq: 7, random: 9, text: "one");
        await fixture.SendMsgAsync("alice", seq: 7, random: 9, text: "two");
        await fixture.SendMsgAsync("alice", seq: 7, random: 9, text: "one", from: "carol");

        Assert.Equal(3, fixture.Emulator.Messages.Count);
    }

    [Fact]
    public async Task SendMsg_WithoutFromAccount_StoresTheAdminAsSender()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();

        var answer = await fixture.SendMsgAsync("alice");

        var message = Assert.Single(fixture.Emulator.Messages);
        Assert.Equal("administrator", message.From);
        Assert.Equal(answer["MsgKey"]!.GetValue<string>(), message.MsgKey);
        Assert.Matches("^[0-9]+_[0-9]+_[0-9]+$", message.MsgKey);
        Assert.True(answer["MsgTime"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task SendGroupMsg_TwoMessages_IssuesIncreasingMsgSeqAndDedupsRandomPlusContent()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();

        var first = await fixture.PostAsync(TencentImEmulator.SendGroupMsgPath, $$"""{"GroupId":"g1","Random":1,"MsgBody":[{{Text}}]}""");
        var second = await fixture.PostAsync(TencentImEmulator.SendGroupMsgPath, $$"""{"GroupId":"g1","Random":2,"MsgBody":[{{Text}}]}""");
        var repeat = await fixture.PostAsync(TencentImEmulator.SendGroupMsgPath, $$"""{"GroupId":"g1","Random":1,"MsgBody":[{{Text}}]}""");
        var otherGroup = await fixture.PostAsync(TencentImEmulator.SendGroupMsgPath, $$"""{"GroupId":"g2","Random":1,"MsgBody":[{{Text}}]}""");

        Assert.Equal(1UL, first["MsgSeq"]!.GetValue<ulong>());
        Assert.Equal(2UL, second["MsgSeq"]!.GetValue<ulong>());
        Assert.Equal(1UL, repeat["MsgSeq"]!.GetValue<ulong>());
        Assert.Equal(1UL, otherGroup["MsgSeq"]!.GetValue<ulong>());
        Assert.Equal(3, fixture.Emulator.Messages.Count);
    }

    [Fact]
    public async Task Quota_OverRequestsPerSecond_Answers60007UntilTheWindowMoves()
    {
        var clock = TestClock.Create();
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.RequestsPerSecond = 5;
        });

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(0, (await fixture.SendMsgAsync(seq: (uint)i)).Code());
        }

        Assert.Equal(60007, (await fixture.SendMsgAsync(seq: 5)).Code());
        Assert.Equal(0, (await fixture.PostAsync(TencentImEmulator.SendGroupMsgPath, $$"""{"GroupId":"g","Random":1,"MsgBody":[{{Text}}]}""")).Code());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await fixture.SendMsgAsync(seq: 6)).Code());
        Assert.Equal(1, fixture.Emulator.RateLimitRejections);
    }

    [Fact]
    public async Task Quota_OverBatchRecipientsPerMinute_Answers60011()
    {
        var clock = TestClock.Create();
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.BatchRecipientsPerMinute = 5;
        });
        var batch = $$"""{"To_Account":["a","b","c"],"MsgRandom":{0},"MsgBody":[{{Text}}]}""";

        Assert.Equal(0, (await fixture.PostAsync(TencentImEmulator.BatchSendMsgPath, batch.Replace("{0}", "1", StringComparison.Ordinal))).Code());
        Assert.Equal(60011, (await fixture.PostAsync(TencentImEmulator.BatchSendMsgPath, batch.Replace("{0}", "2", StringComparison.Ordinal))).Code());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await fixture.PostAsync(TencentImEmulator.BatchSendMsgPath, batch.Replace("{0}", "3", StringComparison.Ordinal))).Code());
    }

    [Fact]
    public async Task Quota_OverGroupMessagesPerSecond_Answers10023ForThatGroupOnly()
    {
        var clock = TestClock.Create();
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.GroupMessagesPerSecond = 2;
        });
        Task<System.Text.Json.Nodes.JsonObject> Send(string group, int random) =>
            fixture.PostAsync(TencentImEmulator.SendGroupMsgPath, $$"""{"GroupId":"{{group}}","Random":{{random}},"MsgBody":[{{Text}}]}""");

        Assert.Equal(0, (await Send("g1", 1)).Code());
        Assert.Equal(0, (await Send("g1", 2)).Code());
        Assert.Equal(10023, (await Send("g1", 3)).Code());
        Assert.Equal(0, (await Send("g2", 1)).Code());
    }

    // The quotas are counted in aligned windows of the emulator's clock (second k is [k, k+1)), as the gateway's limiter
    // assumes Tencent does. Each test below puts the limit at the end of one window and again at the start of the next,
    // which a sliding window would refuse.
    [Fact]
    public async Task Quota_200InSecondKAnd200InSecondKPlus1_AllPassAnd201InOneSecondAnswers60007OnThe201st()
    {
        var clock = TestClock.Create();
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o => o.TimeProvider = clock);
        var seq = 0u;
        async Task<int[]> SendAsync(int count)
        {
            var codes = new int[count];
            for (var i = 0; i < count; i++)
            {
                codes[i] = (await fixture.SendMsgAsync(seq: ++seq)).Code();
            }

            return codes;
        }

        clock.Advance(TimeSpan.FromMilliseconds(500));
        var secondK = await SendAsync(200);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        var secondKPlus1 = await SendAsync(200);
        clock.Advance(TimeSpan.FromSeconds(1));
        var oneSecond = await SendAsync(201);

        Assert.All(secondK, code => Assert.Equal(0, code));
        Assert.All(secondKPlus1, code => Assert.Equal(0, code));
        Assert.All(oneSecond[..200], code => Assert.Equal(0, code));
        Assert.Equal(60007, oneSecond[200]);
        Assert.Equal(1, fixture.Emulator.RateLimitRejections);
        Assert.Equal(600, fixture.Emulator.Messages.Count);
    }

    [Fact]
    public async Task Quota_RequestsPerSecond_CountsAlignedSeconds()
    {
        var clock = TestClock.Create();
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.RequestsPerSecond = 2;
        });

        clock.Advance(TimeSpan.FromMilliseconds(999));
        var endOfK = new[] { (await fixture.SendMsgAsync(seq: 1)).Code(), (await fixture.SendMsgAsync(seq: 2)).Code(), (await fixture.SendMsgAsync(seq: 3)).Code() };
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var startOfKPlus1 = new[] { (await fixture.SendMsgAsync(seq: 4)).Code(), (await fixture.SendMsgAsync(seq: 5)).Code(), (await fixture.SendMsgAsync(seq: 6)).Code() };

        Assert.Equal([0, 0, 60007], endOfK);
        Assert.Equal([0, 0, 60007], startOfKPlus1);
    }

    [Fact]
    public async Task Quota_GroupMessagesPerSecond_CountsAlignedSeconds()
    {
        var clock = TestClock.Create();
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.GroupMessagesPerSecond = 2;
        });
        var random = 0;
        async Task<int> SendAsync() =>
            (await fixture.PostAsync(TencentImEmulator.SendGroupMsgPath, $$"""{"GroupId":"g1","Random":{{++random}},"MsgBody":[{{Text}}]}""")).Code();

        clock.Advance(TimeSpan.FromMilliseconds(900));
        var endOfK = new[] { await SendAsync(), await SendAsync(), await SendAsync() };
        clock.Advance(TimeSpan.FromMilliseconds(100));
        var startOfKPlus1 = new[] { await SendAsync(), await SendAsync(), await SendAsync() };

        Assert.Equal([0, 0, 10023], endOfK);
        Assert.Equal([0, 0, 10023], startOfKPlus1);
    }

    [Fact]
    public async Task Quota_BatchRecipientsPerMinute_CountsAlignedMinutes()
    {
        var clock = TestClock.Create();
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.BatchRecipientsPerMinute = 5;
        });
        var random = 0;
        async Task<int> SendAsync() =>
            (await fixture.PostAsync(TencentImEmulator.BatchSendMsgPath, $$"""{"To_Account":["a","b","c"],"MsgRandom":{{++random}},"MsgBody":[{{Text}}]}""")).Code();

        clock.Advance(TimeSpan.FromSeconds(59));
        var endOfMinute = new[] { await SendAsync(), await SendAsync() };
        clock.Advance(TimeSpan.FromSeconds(1));
        var startOfNext = new[] { await SendAsync(), await SendAsync() };

        Assert.Equal([0, 60011], endOfMinute);
        Assert.Equal([0, 60011], startOfNext);
    }

    [Fact]
    public async Task AdminMsgWithdraw_SentMessage_RecallsOnceThen20023()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();
        var key = (await fixture.SendMsgAsync("alice"))["MsgKey"]!.GetValue<string>();
        var recall = $$"""{"From_Account":"administrator","To_Account":"alice","MsgKey":"{{key}}"}""";

        Assert.Equal(0, (await fixture.PostAsync(TencentImEmulator.AdminMsgWithdrawPath, recall)).Code());
        Assert.Equal(20023, (await fixture.PostAsync(TencentImEmulator.AdminMsgWithdrawPath, recall)).Code());
        Assert.True(Assert.Single(fixture.Emulator.Messages).Recalled);
    }

    [Theory]
    [InlineData("""{"From_Account":"administrator","To_Account":"alice","MsgKey":"1_2_3"}""", 20022)]
    [InlineData("""{"From_Account":"administrator","To_Account":"alice","MsgKey":"not-a-key"}""", 90054)]
    [InlineData("""{"To_Account":"alice","MsgKey":"1_2_3"}""", 90008)]
    [InlineData("""{"From_Account":"administrator","MsgKey":"1_2_3"}""", 90003)]
    public async Task AdminMsgWithdraw_BadRequest_AnswersTheMatchingCode(string body, int expected)
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();

        Assert.Equal(expected, (await fixture.PostAsync(TencentImEmulator.AdminMsgWithdrawPath, body)).Code());
    }

    [Fact]
    public async Task GroupMsgRecall_PerItemResults_OkThenAlreadyRecalledAndNotFound()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();
        await fixture.PostAsync(TencentImEmulator.SendGroupMsgPath, $$"""{"GroupId":"g1","Random":1,"MsgBody":[{{Text}}]}""");

        var first = await fixture.PostAsync(TencentImEmulator.GroupMsgRecallPath, """{"GroupId":"g1","MsgSeqList":[{"MsgSeq":1}]}""");
        var second = await fixture.PostAsync(TencentImEmulator.GroupMsgRecallPath, """{"GroupId":"g1","MsgSeqList":[{"MsgSeq":1},{"MsgSeq":99}]}""");

        Assert.Equal(0, first["RecallRetList"]![0]!["RetCode"]!.GetValue<int>());
        Assert.Equal(20023, second["RecallRetList"]![0]!["RetCode"]!.GetValue<int>());
        Assert.Equal(10030, second["RecallRetList"]![1]!["RetCode"]!.GetValue<int>());
        Assert.True(Assert.Single(fixture.Emulator.Messages).Recalled);
    }

    [Fact]
    public async Task GroupMsgRecall_MoreThanTenSeqs_Answers10004()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();
        var seqs = string.Join(',', Enumerable.Range(1, 11).Select(i => $"{{\"MsgSeq\":{i}}}"));

        Assert.Equal(10004, (await fixture.PostAsync(TencentImEmulator.GroupMsgRecallPath, $$"""{"GroupId":"g1","MsgSeqList":[{{seqs}}]}""")).Code());
    }

    [Fact]
    public async Task FailNext_InjectedCode_AnswersItOnceThenServesNormally()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();
        fixture.Emulator.FailNext(70500, TencentImEmulator.SendMsgPath);

        var failed = await fixture.SendMsgAsync();
        var served = await fixture.SendMsgAsync(seq: 2);

        Assert.Equal(70500, failed.Code());
        Assert.Equal(0, served.Code());
        Assert.Single(fixture.Emulator.Messages);
    }

    [Fact]
    public async Task Requests_EveryCall_IsJournaledWithQueryBodyAndAnswer()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();

        await fixture.SendMsgAsync("alice");

        var request = Assert.Single(fixture.Emulator.Requests.ForPath(TencentImEmulator.SendMsgPath));
        Assert.Equal("POST", request.Method);
        Assert.Equal("1400000000", request.Query["sdkappid"]);
        Assert.Equal("administrator", request.Query["identifier"]);
        Assert.Equal("json", request.Query["contenttype"]);
        Assert.Equal("alice", request.BodyJson()!["To_Account"]!.GetValue<string>());
        Assert.Contains("\"ActionStatus\":\"OK\"", request.ResponseBody, StringComparison.Ordinal);
    }
}
