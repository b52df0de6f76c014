using Gateway.Sandbox.TencentIm;

namespace Gateway.Sandbox.Tests.TencentIm;

public sealed class TencentImEmulatorValidationTests
{
    private const string Text = """{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}""";

    public static TheoryData<string, int> SendMsgBodies => new()
    {
        { "not json", 90001 },
        { $$"""{"MsgRandom":1,"MsgBody":[{{Text}}]}""", 90003 },
        { $$"""{"To_Account":7,"MsgRandom":1,"MsgBody":[{{Text}}]}""", 90003 },
        { $$"""{"To_Account":"alice","MsgBody":[{{Text}}]}""", 90005 },
        { $$"""{"To_Account":"alice","MsgRandom":"1","MsgBody":[{{Text}}]}""", 90005 },
        { $$"""{"To_Account":"alice","MsgRandom":-1,"MsgBody":[{{Text}}]}""", 90005 },
        { $$"""{"To_Account":"alice","MsgRandom":4294967296,"MsgBody":[{{Text}}]}""", 90005 },
        { $$"""{"To_Account":"alice","MsgRandom":1,"MsgTimeStamp":"now","MsgBody":[{{Text}}]}""", 90006 },
        { """{"To_Account":"alice","MsgRandom":1,"MsgBody":{"MsgType":"TIMTextElem"}}""", 90007 },
        { """{"To_Account":"alice","MsgRandom":1}""", 90007 },
        { """{"To_Account":"alice","MsgRandom":1,"MsgBody":[]}""", 90002 },
        { """{"To_Account":"alice","MsgRandom":1,"MsgBody":[{"MsgType":"TIMNoSuchElem","MsgContent":{}}]}""", 90002 },
        { """{"To_Account":"alice","MsgRandom":1,"MsgBody":[{"MsgType":"TIMTextElem"}]}""", 90002 },
        { """{"To_Account":"alice","MsgRandom":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"text":"hi"}}]}""", 90010 },
        { """{"To_Account":"alice","MsgRandom":1,"MsgBody":[{"MsgType":"TIMImageElem","MsgContent":{"ImageFormat":1,"ImageInfoArray":[{"Type":1,"Size":1,"Width":1,"Height":1,"Url":"https://x/1.jpg"}]}}]}""", 90010 },
        { """{"To_Account":"alice","MsgRandom":1,"MsgBody":[{"MsgType":"TIMImageElem","MsgContent":{"ImageFormat":7,"ImageInfoArray":[{"Type":1,"Size":1,"Width":1,"Height":1,"URL":"https://x/1.jpg"}]}}]}""", 90010 },
        { """{"To_Account":"alice","MsgRandom":1,"MsgBody":[{"MsgType":"TIMSoundElem","MsgContent":{"Url":"https://x/a.mp3","Size":1,"Second":1,"Download_Flag":1}}]}""", 90010 },
        { """{"To_Account":"alice","MsgRandom":1,"MsgBody":[{"MsgType":"TIMSoundElem","MsgContent":{"URL":"https://x/a.mp3","Size":1,"Second":1,"Download_Flag":2}}]}""", 90010 },
        { """{"To_Account":"alice","MsgRandom":1,"MsgBody":[{"MsgType":"TIMFileElem","MsgContent":{"Url":"https://x/f","FileSize":1,"FileName":"f","DownloadFlag":2}}]}""", 90010 },
        { """{"To_Account":"alice","MsgRandom":1,"MsgBody":[{"MsgType":"TIMLocationElem","MsgContent":{"Desc":"x","Latitude":"1","Longitude":2}}]}""", 90010 },
        { """{"To_Account":"alice","MsgRandom":1,"MsgBody":[{"MsgType":"TIMFaceElem","MsgContent":{"Index":1.5}}]}""", 90010 },
        { """{"To_Account":"alice","MsgRandom":1,"MsgBody":[{"MsgType":"TIMCustomElem","MsgContent":{"Data":"a"}},{"MsgType":"TIMCustomElem","MsgContent":{"Data":"b"}}]}""", 90010 },
        { $$"""{"To_Account":"alice","MsgRandom":1,"SyncOtherMachine":"1","MsgBody":[{{Text}}]}""", 90031 },
        { $$"""{"To_Account":"alice","MsgRandom":1,"SyncOtherMachine":3,"MsgBody":[{{Text}}]}""", 90031 },
        { $$"""{"To_Account":"alice","MsgRandom":1,"MsgLifeTime":"60","MsgBody":[{{Text}}]}""", 90044 },
        { $$"""{"To_Account":"alice","MsgRandom":1,"MsgLifeTime":604801,"MsgBody":[{{Text}}]}""", 90026 },
        { $$"""{"To_Account":"alice","MsgRandom":1,"MsgLifeTime":-1,"MsgBody":[{{Text}}]}""", 90026 },
        { $$"""{"From_Account":5,"To_Account":"alice","MsgRandom":1,"MsgBody":[{{Text}}]}""", 60015 },
    };

    [Theory]
    [MemberData(nameof(SendMsgBodies))]
    public async Task SendMsg_InvalidBody_AnswersTheReferenceCode(string body, int expected)
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();

        var answer = await fixture.PostAsync(TencentImEmulator.SendMsgPath, body);

        Assert.Equal("FAIL", answer.Status());
        Assert.Equal(expected, answer.Code());
        Assert.Empty(fixture.Emulator.Messages);
    }

    [Fact]
    public async Task SendMsg_EveryElementTypeWithExactCasing_IsAccepted()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();
        string[] elements =
        [
            """{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}""",
            """{"MsgType":"TIMLocationElem","MsgContent":{"Desc":"here","Latitude":22.5,"Longitude":113.9}}""",
            """{"MsgType":"TIMFaceElem","MsgContent":{"Index":3,"Data":"x"}}""",
            """{"MsgType":"TIMCustomElem","MsgContent":{"Data":"{}","Desc":"d","Ext":"e","Sound":"s.caf"}}""",
            """{"MsgType":"TIMSoundElem","MsgContent":{"Url":"https://x/a.mp3","UUID":"u","Size":10,"Second":3,"Download_Flag":2}}""",
            """{"MsgType":"TIMImageElem","MsgContent":{"UUID":"u","ImageFormat":3,"ImageInfoArray":[{"Type":1,"Size":9,"Width":8,"Height":7,"URL":"https://x/1.png"},{"Type":3,"Size":1,"Width":2,"Height":2,"URL":"https://x/3.png"}]}}""",
            """{"MsgType":"TIMFileElem","MsgContent":{"Url":"https://x/f.pdf","UUID":"u","FileSize":100,"FileName":"f.pdf","Download_Flag":2}}""",
            """{"MsgType":"TIMVideoFileElem","MsgContent":{"VideoUrl":"https://x/v.mp4","VideoUUID":"v","VideoSize":100,"VideoSecond":5,"VideoFormat":"mp4","VideoDownloadFlag":2,"ThumbUrl":"https://x/t.jpg","ThumbUUID":"t","ThumbSize":10,"ThumbWidth":4,"ThumbHeight":3,"ThumbFormat":"JPG","ThumbDownloadFlag":2}}""",
        ];

        for (var i = 0; i < elements.Length; i++)
        {
            var answer = await fixture.PostAsync(TencentImEmulator.SendMsgPath, $$"""{"To_Account":"alice","MsgSeq":{{i}},"MsgRandom":1,"MsgBody":[{{elements[i]}}]}""");
            Assert.True(answer.Code() == 0, $"{elements[i]} → {answer.ToJsonString()}");
        }

        Assert.Equal(elements.Length, fixture.Emulator.Messages.Count);
    }

    [Fact]
    public async Task SendMsg_MsgBodyOverTheLimit_Answers93000()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o => o.MaxMsgBodyBytes = 100);
        var fits = TencentImEmulatorFixture.Text(new string('a', 40));
        var tooLong = TencentImEmulatorFixture.Text(new string('a', 80));

        Assert.Equal(0, (await fixture.PostAsync(TencentImEmulator.SendMsgPath, $$"""{"To_Account":"alice","MsgRandom":1,"MsgBody":[{{fits}}]}""")).Code());
        Assert.Equal(93000, (await fixture.PostAsync(TencentImEmulator.SendMsgPath, $$"""{"To_Account":"alice","MsgRandom":2,"MsgBody":[{{tooLong}}]}""")).Code());
    }

    [Fact]
    public async Task SendMsg_UnknownRecipientWithDirectory_Answers90012()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o =>
        {
            o.RequireKnownAccounts = true;
            o.Accounts.Add("alice");
        });

        Assert.Equal(0, (await fixture.SendMsgAsync("alice")).Code());
        Assert.Equal(90012, (await fixture.SendMsgAsync("mallory", seq: 2)).Code());
        Assert.Equal(90008, (await fixture.SendMsgAsync("alice", seq: 3, from: "mallory")).Code());
    }

    [Fact]
    public async Task BatchSendMsg_OverFiveHundred_Answers90011()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();
        var to = string.Join(',', Enumerable.Range(0, 501).Select(i => $"\"u{i}\""));

        var answer = await fixture.PostAsync(TencentImEmulator.BatchSendMsgPath, $$"""{"To_Account":[{{to}}],"MsgRandom":1,"MsgBody":[{{Text}}]}""");

        Assert.Equal(90011, answer.Code());
    }

    [Fact]
    public async Task BatchSendMsg_SomeUnknown_OkWithErrorList70107()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o =>
        {
            o.RequireKnownAccounts = true;
            o.Accounts.UnionWith(["alice", "bob"]);
        });

        var answer = await fixture.PostAsync(TencentImEmulator.BatchSendMsgPath, $$"""{"To_Account":["alice","ghost","bob"],"MsgSeq":5,"MsgRandom":1,"MsgBody":[{{Text}}]}""");

        Assert.Equal("OK", answer.Status());
        Assert.False(string.IsNullOrEmpty(answer["MsgKey"]!.GetValue<string>()));
        var error = Assert.Single(answer["ErrorList"]!.AsArray());
        Assert.Equal("ghost", error!["To_Account"]!.GetValue<string>());
        Assert.Equal(70107, error["ErrorCode"]!.GetValue<int>());
        Assert.Equal(["alice", "bob"], fixture.Emulator.Messages.Select(m => m.To));
        Assert.All(fixture.Emulator.Messages, m => Assert.Equal(answer["MsgKey"]!.GetValue<string>(), m.MsgKey));
    }

    [Fact]
    public async Task BatchSendMsg_AllUnknown_FailWithErrorList()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o => o.RequireKnownAccounts = true);

        var answer = await fixture.PostAsync(TencentImEmulator.BatchSendMsgPath, $$"""{"To_Account":["x","y"],"MsgRandom":1,"MsgBody":[{{Text}}]}""");

        Assert.Equal("FAIL", answer.Status());
        Assert.Equal(70107, answer.Code());
        Assert.Equal(2, answer["ErrorList"]!.AsArray().Count);
    }

    [Fact]
    public async Task BatchSendMsg_OmitBatchErrorList_AnswersWithoutErrorList()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o =>
        {
            o.RequireKnownAccounts = true;
            o.Accounts.Add("alice");
            o.OmitBatchErrorList = true;
        });

        var answer = await fixture.PostAsync(TencentImEmulator.BatchSendMsgPath, $$"""{"To_Account":["alice","ghost"],"MsgRandom":1,"MsgBody":[{{Text}}]}""");

        Assert.Equal("OK", answer.Status());
        Assert.Null(answer["ErrorList"]);
        Assert.Single(fixture.Emulator.Messages);
    }

    [Theory]
    [InlineData("""{"Random":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}""", 10004)]
    [InlineData("""{"GroupId":"g1","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}""", 10004)]
    [InlineData("""{"GroupId":"g1","Random":1,"MsgPriority":"high","MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}""", 10004)]
    [InlineData("""{"GroupId":"g1","Random":1,"GroupAtInfo":[{"GroupAtAllFlag":0}],"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}""", 10004)]
    [InlineData("""{"GroupId":"g1","Random":1,"MsgBody":{}}""", 90007)]
    [InlineData("""{"GroupId":"nope","Random":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}""", 10010)]
    public async Task SendGroupMsg_InvalidRequest_AnswersTheMatchingCode(string body, int expected)
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o =>
        {
            o.RequireKnownGroups = true;
            o.Groups.Add("g1");
        });

        Assert.Equal(expected, (await fixture.PostAsync(TencentImEmulator.SendGroupMsgPath, body)).Code());
        Assert.Empty(fixture.Emulator.Messages);
    }
}
