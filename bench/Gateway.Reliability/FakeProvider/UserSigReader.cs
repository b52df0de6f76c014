using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Gateway.Reliability.FakeProvider;

/// <summary>
/// Reads <c>TLS.time</c> out of a UserSig v2 (tencent-im-api.md §1.3–1.4): reverse the base64 substitutions, base64-decode,
/// zlib-inflate, parse the JSON. The HMAC is not verified: the fake only needs to know when a signature was made.
/// </summary>
internal static class UserSigReader
{
    public static bool TryReadTime(string? userSig, out long unixSeconds)
    {
        unixSeconds = 0;
        if (string.IsNullOrEmpty(userSig) || userSig.Length > 4096)
        {
            return false;
        }

        try
        {
            var base64 = userSig.Replace('*', '+').Replace('-', '/').Replace('_', '=');
            var compressed = Convert.FromBase64String(base64);
            using var input = new MemoryStream(compressed);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            zlib.CopyTo(output);
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(output.ToArray()));
            if (document.RootElement.TryGetProperty("TLS.time", out var time) && time.TryGetInt64(out unixSeconds))
            {
                return true;
            }
        }
        catch (Exception exception) when (exception is FormatException or InvalidDataException or JsonException)
        {
        }

        return false;
    }
}
