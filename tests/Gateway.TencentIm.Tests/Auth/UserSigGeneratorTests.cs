using System.IO.Compression;
using System.Text.Json.Nodes;
using Gateway.Sandbox.TencentIm;
using Gateway.TencentIm.Auth;

namespace Gateway.TencentIm.Tests.Auth;

public sealed class UserSigGeneratorTests
{
    private const long App = 1_400_000_000;
    private const string Key = TencentImEmulatorOptions.SampleSecretKey;
    private const long Time = 1_767_225_600; // 2026-01-01T00:00:00Z

    [Theory]
    // Expected values computed once outside .NET (python3 hmac.new(key, msg, sha256) and openssl dgst -sha256 -hmac).
    [InlineData("administrator", 86_400L, "FiOAv4qPlFvKi6Scg/++v1AKHZfdFD4+KQwOREPWQiI=")]
    [InlineData("xiaojun", 15_552_000L, "LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=")]
    public void Sign_FixedInputs_MatchesIndependentHmac(string identifier, long expire, string expected)
    {
        var time = identifier == "xiaojun" ? 1_700_000_000L : Time;

        Assert.Equal(expected, UserSigGenerator.Sign(App, identifier, Key, time, expire));
    }

    [Fact]
    public void Generate_FixedClock_InflatesToTheReferenceDocument()
    {
        var token = UserSigGenerator.Generate(App, "administrator", Key, Time, 86_400);

        var document = Inflate(token);
        var expected = JsonNode.Parse("""
            {"TLS.ver":"2.0","TLS.identifier":"administrator","TLS.sdkappid":1400000000,"TLS.expire":86400,
             "TLS.time":1767225600,"TLS.sig":"FiOAv4qPlFvKi6Scg/++v1AKHZfdFD4+KQwOREPWQiI="}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(document)), document);
    }

    [Fact]
    public void Generate_Token_IsZlibWithTheSubstitutedBase64Alphabet()
    {
        var token = UserSigGenerator.Generate(App, "administrator", Key, Time, 86_400);

        Assert.Matches("^[A-Za-z0-9*_-]+$", token);
        var bytes = Convert.FromBase64String(token.Replace('*', '+').Replace('-', '/').Replace('_', '='));
        Assert.Equal(0x78, bytes[0]); // RFC 1950 header, not raw deflate
        Assert.Equal(0, ((bytes[0] << 8) | bytes[1]) % 31);
    }

    [Fact]
    public void Generate_VerifiedByTheIndependentVerifier_IsValidUntilTimePlusExpire()
    {
        var token = UserSigGenerator.Generate(App, "administrator", Key, Time, 86_400);

        Assert.Equal(UserSigCheck.Valid, TencentUserSig.Verify(token, App, "administrator", Key, DateTimeOffset.FromUnixTimeSeconds(Time)));
        Assert.Equal(UserSigCheck.Valid, TencentUserSig.Verify(token, App, "administrator", Key, DateTimeOffset.FromUnixTimeSeconds(Time + 86_400)));
        Assert.Equal(UserSigCheck.Expired, TencentUserSig.Verify(token, App, "administrator", Key, DateTimeOffset.FromUnixTimeSeconds(Time + 86_401)));
    }

    [Fact]
    public void Generate_CheckedWithWrongKeyAppOrIdentifier_Fails()
    {
        var token = UserSigGenerator.Generate(App, "administrator", Key, Time, 86_400);
        var now = DateTimeOffset.FromUnixTimeSeconds(Time + 60);

        Assert.Equal(UserSigCheck.BadSignature, TencentUserSig.Verify(token, App, "administrator", Key + "0", now));
        Assert.Equal(UserSigCheck.SdkAppIdMismatch, TencentUserSig.Verify(token, App + 1, "administrator", Key, now));
        Assert.Equal(UserSigCheck.IdentifierMismatch, TencentUserSig.Verify(token, App, "admin", Key, now));
    }

    [Fact]
    public void Generate_IdentifierNeedingJsonEscapes_StillVerifies()
    {
        const string identifier = "ad\"min\\é";
        var token = UserSigGenerator.Generate(App, identifier, Key, Time, 86_400);

        Assert.Equal(UserSigCheck.Valid, TencentUserSig.Verify(token, App, identifier, Key, DateTimeOffset.FromUnixTimeSeconds(Time)));
    }

    private static string Inflate(string token)
    {
        var bytes = Convert.FromBase64String(token.Replace('*', '+').Replace('-', '/').Replace('_', '='));
        using var zlib = new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(zlib);
        return reader.ReadToEnd();
    }
}
