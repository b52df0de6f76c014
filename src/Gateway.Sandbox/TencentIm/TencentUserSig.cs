using System.Buffers.Text;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gateway.Sandbox.TencentIm;

/// <summary>
/// Tencent Cloud IM UserSig v2 (TLSSigAPIv2): generation, decoding and verification, written from the algorithm
/// (HMAC-SHA256 over four LF-terminated lines keyed with the UTF-8 secret string, a JSON document, zlib, base64 with
/// <c>+</c>→<c>*</c>, <c>/</c>→<c>-</c>, <c>=</c>→<c>_</c>). Independent of the gateway's adapter, so each checks the other.
/// </summary>
public static class TencentUserSig
{
    /// <summary>Generates a UserSig the way Tencent's libraries do (compact JSON, zlib at the default level).</summary>
    /// <param name="sdkAppId">The SDKAppID.</param>
    /// <param name="identifier">The user (for REST calls: the App admin account).</param>
    /// <param name="secretKey">The secret key as shown in the console (used as text, not hex-decoded).</param>
    /// <param name="time">The generation time.</param>
    /// <param name="expire">The validity after <paramref name="time"/>.</param>
    /// <returns>The UserSig.</returns>
    public static string Generate(long sdkAppId, string identifier, string secretKey, DateTimeOffset time, TimeSpan expire) =>
        Generate(sdkAppId, identifier, secretKey, time.ToUnixTimeSeconds(), (long)expire.TotalSeconds);

    /// <summary>Generates a UserSig from raw values; <paramref name="signatureOverride"/> lets tests forge a wrong <c>TLS.sig</c>.</summary>
    /// <param name="sdkAppId">The SDKAppID written into the document.</param>
    /// <param name="identifier">The identifier written into the document.</param>
    /// <param name="secretKey">The key the signature is computed with.</param>
    /// <param name="unixTime">The <c>TLS.time</c> value.</param>
    /// <param name="expireSeconds">The <c>TLS.expire</c> value.</param>
    /// <param name="signatureOverride">A <c>TLS.sig</c> to write instead of the computed one.</param>
    /// <param name="compressionLevel">The zlib level (Tencent's Go library uses none, C++ the fastest).</param>
    /// <returns>The UserSig.</returns>
    public static string Generate(
        long sdkAppId,
        string identifier,
        string secretKey,
        long unixTime,
        long expireSeconds,
        string? signatureOverride = null,
        CompressionLevel compressionLevel = CompressionLevel.Optimal)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(secretKey);
        var signature = signatureOverride ?? ComputeSignature(sdkAppId, identifier, secretKey, unixTime, expireSeconds);
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("TLS.ver", "2.0");
            writer.WriteString("TLS.identifier", identifier);
            writer.WriteNumber("TLS.sdkappid", sdkAppId);
            writer.WriteNumber("TLS.expire", expireSeconds);
            writer.WriteNumber("TLS.time", unixTime);
            writer.WriteString("TLS.sig", signature);
            writer.WriteEndObject();
        }

        return Encode(json.ToArray(), compressionLevel);
    }

    /// <summary>Wraps arbitrary document bytes as a UserSig (zlib + the substituted base64), for tests of odd serializations.</summary>
    /// <param name="document">The JSON document bytes.</param>
    /// <param name="compressionLevel">The zlib level.</param>
    /// <returns>The token.</returns>
    public static string Encode(ReadOnlySpan<byte> document, CompressionLevel compressionLevel = CompressionLevel.Optimal)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, compressionLevel, leaveOpen: true))
        {
            zlib.Write(document);
        }

        return Convert.ToBase64String(compressed.GetBuffer(), 0, (int)compressed.Length)
            .Replace('+', '*')
            .Replace('/', '-')
            .Replace('=', '_');
    }

    /// <summary>Computes <c>TLS.sig</c>: standard base64 of HMAC-SHA256 over the four <c>TLS.*</c> lines.</summary>
    /// <param name="sdkAppId">The SDKAppID.</param>
    /// <param name="identifier">The identifier.</param>
    /// <param name="secretKey">The secret key text.</param>
    /// <param name="unixTime">The generation time, unix seconds.</param>
    /// <param name="expireSeconds">The validity in seconds.</param>
    /// <returns>The signature.</returns>
    public static string ComputeSignature(long sdkAppId, string identifier, string secretKey, long unixTime, long expireSeconds)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(secretKey);
        var content = new StringBuilder()
            .Append("TLS.identifier:").Append(identifier).Append('\n')
            .Append("TLS.sdkappid:").Append(sdkAppId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
            .Append("TLS.time:").Append(unixTime.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
            .Append("TLS.expire:").Append(expireSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
            .ToString();
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>Decodes a UserSig: reverses the base64 substitution, inflates the zlib stream and parses the document.</summary>
    /// <param name="userSig">The token.</param>
    /// <param name="document">The decoded document, when the result is <see cref="UserSigCheck.Valid"/>.</param>
    /// <returns><see cref="UserSigCheck.Valid"/>, <see cref="UserSigCheck.Malformed"/> or <see cref="UserSigCheck.Truncated"/>.</returns>
    public static UserSigCheck TryDecode(string? userSig, out UserSigDocument? document)
    {
        document = null;
        if (string.IsNullOrEmpty(userSig))
        {
            return UserSigCheck.Empty;
        }

        var base64 = userSig.Replace('*', '+').Replace('-', '/').Replace('_', '=');
        var unpadded = base64.TrimEnd('=');
        if (unpadded.Length % 4 is 2 or 3)
        {
            // A token cut short loses its padding; restore it so the cut shows up as truncated zlib data.
            base64 = unpadded + new string('=', 4 - (unpadded.Length % 4));
        }

        if (!Base64.IsValid(base64))
        {
            return UserSigCheck.Malformed;
        }

        var compressed = Convert.FromBase64String(base64);
        byte[] json;
        try
        {
            using var input = new MemoryStream(compressed);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            zlib.CopyTo(output);
            json = output.ToArray();
        }
        catch (InvalidDataException)
        {
            return compressed.Length > 2 && compressed[0] == 0x78 ? UserSigCheck.Truncated : UserSigCheck.Malformed;
        }

        if (!HasAdler32Trailer(compressed, json))
        {
            return UserSigCheck.Truncated;
        }

        try
        {
            using var parsed = JsonDocument.Parse(json);
            var root = parsed.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !TryGetString(root, "TLS.ver", out var version)
                || !TryGetString(root, "TLS.identifier", out var identifier)
                || !TryGetInt64(root, "TLS.sdkappid", out var sdkAppId)
                || !TryGetInt64(root, "TLS.time", out var time)
                || !TryGetInt64(root, "TLS.expire", out var expire)
                || !TryGetString(root, "TLS.sig", out var signature))
            {
                return UserSigCheck.Malformed;
            }

            var userBuf = TryGetString(root, "TLS.userbuf", out var buffer) ? buffer : null;
            document = new UserSigDocument(version, identifier, sdkAppId, time, expire, signature, userBuf);
            return UserSigCheck.Valid;
        }
        catch (JsonException)
        {
            return UserSigCheck.Malformed;
        }
    }

    /// <summary>
    /// Verifies a UserSig the way Tencent's own verifiers do: decode, then SDKAppID, identifier, expiry
    /// (expired when now &gt; time + expire) and the recomputed HMAC.
    /// </summary>
    /// <param name="userSig">The token.</param>
    /// <param name="sdkAppId">The expected SDKAppID.</param>
    /// <param name="identifier">The expected identifier.</param>
    /// <param name="secretKey">The secret key.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The first failed check, or <see cref="UserSigCheck.Valid"/>.</returns>
    public static UserSigCheck Verify(string? userSig, long sdkAppId, string identifier, string secretKey, DateTimeOffset now) =>
        Verify(userSig, sdkAppId, identifier, secretKey, now, out _);

    /// <summary>Verifies a UserSig and returns its decoded document.</summary>
    /// <param name="userSig">The token.</param>
    /// <param name="sdkAppId">The expected SDKAppID.</param>
    /// <param name="identifier">The expected identifier.</param>
    /// <param name="secretKey">The secret key.</param>
    /// <param name="now">The current time.</param>
    /// <param name="document">The decoded document, when it could be decoded.</param>
    /// <returns>The first failed check, or <see cref="UserSigCheck.Valid"/>.</returns>
    public static UserSigCheck Verify(string? userSig, long sdkAppId, string identifier, string secretKey, DateTimeOffset now, out UserSigDocument? document)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(secretKey);
        var decoded = TryDecode(userSig, out document);
        if (decoded != UserSigCheck.Valid)
        {
            return decoded;
        }

        var doc = document!;
        if (doc.SdkAppId != sdkAppId)
        {
            return UserSigCheck.SdkAppIdMismatch;
        }

        if (!string.Equals(doc.Identifier, identifier, StringComparison.Ordinal))
        {
            return UserSigCheck.IdentifierMismatch;
        }

        if (now.ToUnixTimeSeconds() > doc.Time + doc.Expire)
        {
            return UserSigCheck.Expired;
        }

        if (doc.UserBuf is not null)
        {
            // The userbuf variant (TRTC PrivateMapKey) is never valid for IM REST calls.
            return UserSigCheck.BadSignature;
        }

        var expected = Convert.FromBase64String(ComputeSignature(doc.SdkAppId, doc.Identifier, secretKey, doc.Time, doc.Expire));
        byte[] actual;
        try
        {
            actual = Convert.FromBase64String(doc.Signature);
        }
        catch (FormatException)
        {
            return UserSigCheck.BadSignature;
        }

        return CryptographicOperations.FixedTimeEquals(expected, actual) ? UserSigCheck.Valid : UserSigCheck.BadSignature;
    }

    private static bool HasAdler32Trailer(byte[] compressed, byte[] inflated)
    {
        // ZLibStream stops at the end of the deflate data without insisting on the trailer; a cut token must still fail.
        if (compressed.Length < 6)
        {
            return false;
        }

        uint a = 1, b = 0;
        foreach (var value in inflated)
        {
            a = (a + value) % 65521;
            b = (b + a) % 65521;
        }

        var expected = (b << 16) | a;
        var trailer = (uint)(compressed[^4] << 24 | compressed[^3] << 16 | compressed[^2] << 8 | compressed[^1]);
        return trailer == expected;
    }

    private static bool TryGetString(JsonElement root, string name, out string value)
    {
        value = string.Empty;
        if (root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String)
        {
            value = element.GetString()!;
            return true;
        }

        return false;
    }

    private static bool TryGetInt64(JsonElement root, string name, out long value)
    {
        value = 0;
        return root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }
}
