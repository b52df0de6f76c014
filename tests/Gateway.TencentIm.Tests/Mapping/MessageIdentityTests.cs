using Gateway.TencentIm.Mapping;

namespace Gateway.TencentIm.Tests.Mapping;

public sealed class MessageIdentityTests
{
    // Expected: the first two big-endian uint32 of SHA-256("msg-1\n" + identity), computed once with python3 hashlib.
    [Fact]
    public void ForRecipient_KnownMessage_MatchesIndependentSha256()
    {
        Assert.Equal((2952144161u, 420255646u), MessageIdentity.ForRecipient("msg-1", "alice"));
        Assert.Equal((2859072777u, 3961172185u), MessageIdentity.ForRecipient("msg-1", "bob"));
    }

    [Fact]
    public void ForChunk_KnownMessage_MatchesIndependentSha256()
    {
        Assert.Equal((214923982u, 72140211u), MessageIdentity.ForChunk("msg-1", 0));
        Assert.Equal((3341410703u, 2134100496u), MessageIdentity.ForChunk("msg-1", 1));
    }

    [Fact]
    public void ForGroup_KnownMessage_MatchesIndependentSha256()
    {
        Assert.Equal(1267799814u, MessageIdentity.ForGroup("msg-1", "@TGS#2C5SZEAEF"));
    }

    [Fact]
    public void ForRecipient_SameInputs_IsStableAcrossCalls()
    {
        Assert.Equal(MessageIdentity.ForRecipient("redelivered", "alice"), MessageIdentity.ForRecipient("redelivered", "alice"));
    }

    [Fact]
    public void Calls_OfOneCommand_EachGetTheirOwnPair()
    {
        // Tencent's C2C dedup key has no recipient: two calls of one command with one pair would drop the second.
        var pairs = new[]
        {
            MessageIdentity.ForRecipient("m", "alice"),
            MessageIdentity.ForRecipient("m", "bob"),
            MessageIdentity.ForChunk("m", 0),
            MessageIdentity.ForChunk("m", 1),
            MessageIdentity.ForChunk("m", 2),
        };

        Assert.Equal(pairs.Length, pairs.Distinct().Count());
    }
}
