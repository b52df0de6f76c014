using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.TencentIm.Mapping;

/// <summary>
/// Derives Tencent's dedup values from the gateway's <c>messageId</c>, so a redelivered command reproduces them and
/// Tencent drops the repeat within its window. Tencent's one-to-one dedup key is sender + MsgSeq + MsgRandom + content
/// CRC, without the recipient: every call of one command (each single-recipient send, each batch chunk) therefore gets
/// its own pair, derived from the message id and the call's identity.
/// </summary>
internal static class MessageIdentity
{
    /// <summary>The pair of a sendmsg call to one recipient.</summary>
    public static (uint MsgSeq, uint MsgRandom) ForRecipient(string messageId, string recipient) => Derive(messageId, "to:" + recipient);

    /// <summary>The pair of batch chunk <paramref name="chunkIndex"/> (0-based) of the ordered recipient list.</summary>
    public static (uint MsgSeq, uint MsgRandom) ForChunk(string messageId, int chunkIndex) =>
        Derive(messageId, "batch:" + chunkIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The <c>Random</c> of a group message.</summary>
    public static uint ForGroup(string messageId, string groupId) => Derive(messageId, "group:" + groupId).First;

    /// <summary>SHA-256 of <c>messageId + "\n" + callIdentity</c> (UTF-8); the first two big-endian uint32 values.</summary>
    public static (uint First, uint Second) Derive(string messageId, string callIdentity)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(messageId + "\n" + callIdentity), hash);
        return (BinaryPrimitives.ReadUInt32BigEndian(hash), BinaryPrimitives.ReadUInt32BigEndian(hash[4..]));
    }
}
