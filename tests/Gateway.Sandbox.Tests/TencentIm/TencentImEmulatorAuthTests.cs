using Gateway.Sandbox.TencentIm;

namespace Gateway.Sandbox.Tests.TencentIm;

public sealed class TencentImEmulatorAuthTests
{
    private const string Body = """{"To_Account":"alice","MsgRandom":1,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"hi"}}]}""";

    [Fact]
    public async Task Post_ValidSignature_IsAccepted()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();

        var answer = await fixture.PostAsync(TencentImEmulator.SendMsgPath, Body);

        Assert.Equal("OK", answer.Status());
        Assert.Equal(0, answer.Code());
    }

    [Theory]
    [InlineData("identifier=administrator&usersig={sig}&random=1&contenttype=json", 60012)]
    [InlineData("sdkappid=abc&identifier=administrator&usersig={sig}&random=1&contenttype=json", 60006)]
    [InlineData("sdkappid=1400000001&identifier=administrator&usersig={sig}&random=1&contenttype=json", 70020)]
    [InlineData("sdkappid=1400000000&usersig={sig}&random=1&contenttype=json", 60004)]
    [InlineData("sdkappid=1400000000&identifier=administrator&random=1&contenttype=json", 70002)]
    [InlineData("sdkappid=1400000000&identifier=administrator&usersig=not-a-token&random=1&contenttype=json", 70003)]
    [InlineData("sdkappid=1400000000&identifier=administrator&usersig={sig}&contenttype=json", 60009)]
    [InlineData("sdkappid=1400000000&identifier=administrator&usersig={sig}&random=1", 60009)]
    public async Task Post_BadQuery_AnswersTheMatchingCode(string query, int expected)
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();
        var url = new Uri(fixture.Emulator.BaseAddress, "v4/openim/sendmsg?" + query.Replace("{sig}", fixture.Emulator.GenerateUserSig(), StringComparison.Ordinal));

        var answer = await fixture.PostAsync(url, Body);

        Assert.Equal("FAIL", answer.Status());
        Assert.Equal(expected, answer.Code());
        Assert.Empty(fixture.Emulator.Messages);
    }

    [Fact]
    public async Task Post_UserSigSignedWithAnotherKey_Answers70009()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();
        var sig = TencentUserSig.Generate(TencentImEmulatorOptions.SampleSdkAppId, "administrator", "another-key", TimeProvider.System.GetUtcNow(), TimeSpan.FromDays(1));

        Assert.Equal(70009, (await fixture.PostAsync(fixture.Emulator.BuildUrl(TencentImEmulator.SendMsgPath, sig), Body)).Code());
    }

    [Fact]
    public async Task Post_UserSigOfAnotherIdentifier_Answers70013()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();
        var sig = fixture.Emulator.GenerateUserSig("someone-else");

        Assert.Equal(70013, (await fixture.PostAsync(fixture.Emulator.BuildUrl(TencentImEmulator.SendMsgPath, sig, "administrator"), Body)).Code());
    }

    [Fact]
    public async Task Post_UserSigOfAnotherApp_Answers70014()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();
        var sig = TencentUserSig.Generate(1_400_000_001, "administrator", TencentImEmulatorOptions.SampleSecretKey, TimeProvider.System.GetUtcNow(), TimeSpan.FromDays(1));

        Assert.Equal(70014, (await fixture.PostAsync(fixture.Emulator.BuildUrl(TencentImEmulator.SendMsgPath, sig), Body)).Code());
    }

    [Fact]
    public async Task Post_ExpiredUserSig_Answers70001()
    {
        var clock = TestClock.Create();
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o => o.TimeProvider = clock);
        var sig = fixture.Emulator.GenerateUserSig(expire: TimeSpan.FromHours(1));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await fixture.PostAsync(fixture.Emulator.BuildUrl(TencentImEmulator.SendMsgPath, sig), Body)).Code());

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(70001, (await fixture.PostAsync(fixture.Emulator.BuildUrl(TencentImEmulator.SendMsgPath, sig), Body)).Code());
    }

    [Fact]
    public async Task Post_UserSigOfNonAdmin_Answers60010()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();

        var answer = await fixture.PostAsync(fixture.Emulator.BuildUrl(TencentImEmulator.SendMsgPath, identifier: "alice"), Body);

        Assert.Equal(60010, answer.Code());
    }

    [Fact]
    public async Task Post_AfterInvalidateUserSigs_OldTokenAnswers70052AndNewTokenWorks()
    {
        var clock = TestClock.Create();
        await using var fixture = await TencentImEmulatorFixture.StartAsync(o => o.TimeProvider = clock);
        var old = fixture.Emulator.GenerateUserSig();
        fixture.Emulator.InvalidateUserSigs();
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(70052, (await fixture.PostAsync(fixture.Emulator.BuildUrl(TencentImEmulator.SendMsgPath, old), Body)).Code());
        Assert.Equal(0, (await fixture.PostAsync(fixture.Emulator.BuildUrl(TencentImEmulator.SendMsgPath), Body)).Code());
    }

    [Fact]
    public async Task Post_UnknownApi_Answers60009()
    {
        await using var fixture = await TencentImEmulatorFixture.StartAsync();

        Assert.Equal(60009, (await fixture.PostAsync("/v4/openim/nosuchapi", "{}")).Code());
        Assert.Equal(60009, (await fixture.PostAsync(new Uri(fixture.Emulator.BaseAddress, "elsewhere"), "{}")).Code());
    }
}
