using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gateway.TencentIm.Auth;

/// <summary>
/// Generates Tencent UserSig v2 tokens (reference §1): HMAC-SHA256 over the four LF-terminated <c>TLS.*</c> lines keyed
/// with the UTF-8 secret string, a compact JSON document, zlib (RFC 1950), then base64 with <c>+</c>→<c>*</c>,
/// <c>/</c>→<c>-</c>, <c>=</c>→<c>_</c>.
/// </summary>
internal static class UserSigGenerator
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Generates a token valid from <paramref name="unixTime"/> for <paramref name="expireSeconds"/>.</summary>
    public static string Generate(long sdkAppId, string identifier, string secretKey, long unixTime, long expireSeconds)
    {
        var signature = Sign(sdkAppId, identifier, secretKey, unixTime, expireSeconds);
        using var json = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(json, WriterOptions))
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

        using var compressed = new MemoryStream(256);
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(json.GetBuffer(), 0, (int)json.Length);
        }

        var base64 = Convert.ToBase64String(compressed.GetBuffer(), 0, (int)compressed.Length);
        return string.Create(base64.Length, base64, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '+' => '*',
                    '/' => '-',
                    '=' => '_',
                    var c => c,
                };
            }
        });
    }

    /// <summary>Computes <c>TLS.sig</c>: standard base64 of HMAC-SHA256(key = UTF-8 secret text, message = the four lines).</summary>
    public static string Sign(long sdkAppId, string identifier, string secretKey, long unixTime, long expireSeconds)
    {
        var content = string.Create(
            CultureInfo.InvariantCulture,
            $"TLS.identifier:{identifier}\nTLS.sdkappid:{sdkAppId}\nTLS.time:{unixTime}\nTLS.expire:{expireSeconds}\n");
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(content)));
    }
}
