using Gateway.Sandbox.TencentIm;

namespace Gateway.Sandbox.Tests.TencentIm;

/// <summary>The answer shapes of a partly failed batchsendmsg (reference §4.1: ErrorCode 0 when any recipient got it).</summary>
public sealed class TencentImEmulatorBatchTests
{
    private const string Text = """{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}""";

    [Fact]
    public async Task BatchSendMsg_SomeUnknownWithFailPartialBatches_FailWithErrorCodeZeroMsgKeyAndErrorList()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o =>
        {
            o.RequireKnownAccounts = true;
            o.Accounts.UnionWith(["alice", "bob"]);
            o.FailPartialBatches = true;
        });

        var answer = await fixture.PostAsync(TencentImEmulator.BatchSendMsgPath, $$"""{"To_Account":["alice","ghost","bob"],"MsgSeq":5,"MsgRandom":1,"MsgBody":[{{Text}}]}""");

        Assert.Equal("FAIL", answer.Status());
        Assert.Equal(0, answer.Code());
        Assert.False(string.IsNullOrEmpty(answer["MsgKey"]!.GetValue<string>()));
        var error = Assert.Single(answer["ErrorList"]!.AsArray());
        Assert.Equal("ghost", error!["To_Account"]!.GetValue<string>());
        Assert.Equal(70107, error["ErrorCode"]!.GetValue<int>());
        Assert.Equal(["alice", "bob"], fixture.Emulator.Messages.Select(m => m.To));
    }

    [Fact]
    public async Task BatchSendMsg_AllKnownWithFailPartialBatches_StaysOk()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o => o.FailPartialBatches = true);

        var answer = await fixture.PostAsync(TencentImEmulator.BatchSendMsgPath, $$"""{"To_Account":["alice","bob"],"MsgRandom":1,"MsgBody":[{{Text}}]}""");

        Assert.Equal("OK", answer.Status());
        Assert.Equal(0, answer.Code());
        Assert.Null(answer["ErrorList"]);
    }

    [Fact]
    public async Task BatchSendMsg_AllUnknownWithFailPartialBatches_FailsWithTheCodeAsBefore()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o =>
        {
            o.RequireKnownAccounts = true;
            o.FailPartialBatches = true;
        });

        var answer = await fixture.PostAsync(TencentImEmulator.BatchSendMsgPath, $$"""{"To_Account":["x","y"],"MsgRandom":1,"MsgBody":[{{Text}}]}""");

        Assert.Equal("FAIL", answer.Status());
        Assert.Equal(70107, answer.Code());
        Assert.Null(answer["MsgKey"]);
        Assert.Equal(2, answer["ErrorList"]!.AsArray().Count);
    }
}
