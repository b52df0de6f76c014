using System.IO.Compression;
using System.Text.Json.Nodes;
using Gateway.Sandbox.TencentIm;

namespace Gateway.Sandbox.Tests.TencentIm;

public sealed class TencentUserSigTests
{
    private const long App = 1_400_000_000;
    private const string Admin = "administrator";
    private const string Key = TencentImEmulatorOptions.SampleSecretKey;
    private const long Time = 1_767_225_600; // 2026-01-01T00:00:00Z
    private const long Expire = 86_400;

    // HMAC-SHA256 computed once outside .NET (python3 hmac and `openssl dgst -sha256 -hmac`), pasted here.
    private const string ExpectedSig = "FiOAv4qPlFvKi6Scg/++v1AKHZfdFD4+KQwOREPWQiI=";

    // Tokens built with python3 the way Tencent's Python, Go, Node and PHP libraries serialize and compress them.
    private const string PythonToken = "eJyrVgrxCdYrSy1SslJQMtIzUNJRAItkpqTmlWSmZUIkElNyM-Myi0uKEkvyi2BKilOyEwsKMlOACgxNDKAAKpdaUZBZlAqUsTAzgQuWZOaChAzNzcyNjEzN4OLFmekgS9wy-R3LTAoDctzKvDPNgpPT9bW1ywwdvT2i0lLcXEy0vQPL-YNcA8IDMz1tlWoBOyw0vA__";
    private const string GoToken = "eAEBrwBQ-3siVExTLnZlciI6IjIuMCIsIlRMUy5pZGVudGlmaWVyIjoiYWRtaW5pc3RyYXRvciIsIlRMUy5zZGthcHBpZCI6MTQwMDAwMDAwMCwiVExTLmV4cGlyZSI6ODY0MDAsIlRMUy50aW1lIjoxNzY3MjI1NjAwLCJUTFMuc2lnIjoiRmlPQXY0cVBsRnZLaTZTY2cvKyt2MUFLSFpmZEZENCtLUXdPUkVQV1FpST0ifQrs0zNm";
    private const string NodeToken = "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJEpycxNBYqam5kbGZmawURTKwoyi4DiFmYmMKHizHSg4W6Z-o5lJoUBOW5l3plmwcnp*traZYaO3h5RaSluLiba3oHl-kGuAeGBmZ62SrUArAszXA__";
    private const string PhpToken = "eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJFJrSjILEpVsrIwM4EJlWTmAgUMzc3MjYxMzWCixZnpQMPdMv0dy0wKA3LcyrwzzYKT02P0tbXLDB29PaLSUtxcTLS9A8v9g1wDwgMzPW2VagHvBTO4";

    private static readonly DateTimeOffset OneHourLater = DateTimeOffset.FromUnixTimeSeconds(Time + 3600);

    [Fact]
    public void ComputeSignature_FixedInputs_MatchesIndependentHmac()
    {
        Assert.Equal(ExpectedSig, TencentUserSig.ComputeSignature(App, Admin, Key, Time, Expire));
    }

    [Theory]
    [InlineData(PythonToken)]
    [InlineData(GoToken)]
    [InlineData(NodeToken)]
    [InlineData(PhpToken)]
    public void Verify_TokensOfEachOfficialSerialization_AreValid(string token)
    {
        var check = TencentUserSig.Verify(token, App, Admin, Key, OneHourLater, out var document);

        Assert.Equal(UserSigCheck.Valid, check);
        Assert.Equal(new UserSigDocument("2.0", Admin, App, Time, Expire, ExpectedSig, null), document);
    }

    [Fact]
    public void Generate_FixedClock_DocumentHasTheReferenceFields()
    {
        var token = TencentUserSig.Generate(App, Admin, Key, DateTimeOffset.FromUnixTimeSeconds(Time), TimeSpan.FromDays(1));

        var json = Inflate(token);
        var expected = JsonNode.Parse("""
            {"TLS.ver":"2.0","TLS.identifier":"administrator","TLS.sdkappid":1400000000,"TLS.expire":86400,"TLS.time":1767225600,
             "TLS.sig":"FiOAv4qPlFvKi6Scg/++v1AKHZfdFD4+KQwOREPWQiI="}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(json)), json);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.DoesNotContain('=', token);
    }

    [Fact]
    public void Verify_AtExactlyTimePlusExpire_IsStillValid()
    {
        Assert.Equal(UserSigCheck.Valid, TencentUserSig.Verify(PythonToken, App, Admin, Key, DateTimeOffset.FromUnixTimeSeconds(Time + Expire)));
    }

    [Fact]
    public void Verify_OneSecondAfterExpiry_IsExpired()
    {
        Assert.Equal(UserSigCheck.Expired, TencentUserSig.Verify(PythonToken, App, Admin, Key, DateTimeOffset.FromUnixTimeSeconds(Time + Expire + 1)));
    }

    [Fact]
    public void Verify_WrongKey_IsBadSignature()
    {
        Assert.Equal(UserSigCheck.BadSignature, TencentUserSig.Verify(PythonToken, App, Admin, Key.Replace('5', '6'), OneHourLater));
    }

    [Fact]
    public void Verify_OtherSdkAppId_IsSdkAppIdMismatch()
    {
        Assert.Equal(UserSigCheck.SdkAppIdMismatch, TencentUserSig.Verify(PythonToken, App + 1, Admin, Key, OneHourLater));
    }

    [Fact]
    public void Verify_OtherIdentifier_IsIdentifierMismatch()
    {
        Assert.Equal(UserSigCheck.IdentifierMismatch, TencentUserSig.Verify(PythonToken, App, "admin2", Key, OneHourLater));
    }

    [Fact]
    public void Verify_TamperedTimeWithOldSignature_IsBadSignature()
    {
        var forged = TencentUserSig.Generate(App, Admin, Key, Time + 1000, Expire, signatureOverride: ExpectedSig);

        Assert.Equal(UserSigCheck.BadSignature, TencentUserSig.Verify(forged, App, Admin, Key, OneHourLater));
    }

    [Fact]
    public void Verify_TokenCutShort_IsTruncated()
    {
        Assert.Equal(UserSigCheck.Truncated, TencentUserSig.Verify(PythonToken[..^8], App, Admin, Key, OneHourLater));
    }

    [Theory]
    [InlineData("not a token!")]
    [InlineData("eJyrVgrxCdYr")]
    [InlineData("QUJDRA__")]
    public void Verify_Garbage_IsMalformedOrTruncated(string token)
    {
        Assert.Contains(TencentUserSig.Verify(token, App, Admin, Key, OneHourLater), new[] { UserSigCheck.Malformed, UserSigCheck.Truncated });
    }

    [Fact]
    public void Verify_Empty_IsEmpty()
    {
        Assert.Equal(UserSigCheck.Empty, TencentUserSig.Verify(string.Empty, App, Admin, Key, OneHourLater));
    }

    [Fact]
    public void Verify_DocumentWithoutSig_IsMalformed()
    {
        var token = TencentUserSig.Encode("""{"TLS.ver":"2.0","TLS.identifier":"administrator","TLS.sdkappid":1400000000,"TLS.expire":86400,"TLS.time":1767225600}"""u8);

        Assert.Equal(UserSigCheck.Malformed, TencentUserSig.Verify(token, App, Admin, Key, OneHourLater));
    }

    private static string Inflate(string token)
    {
        var bytes = Convert.FromBase64String(token.Replace('*', '+').Replace('-', '/').Replace('_', '='));
        using var zlib = new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(zlib);
        return reader.ReadToEnd();
    }
}
