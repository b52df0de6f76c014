using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Sandbox.OpenIm.Internal;

/// <summary>The outcome of parsing a token, in OpenIM's terms (tools <c>tokenverify</c>).</summary>
internal enum TokenParse
{
    Valid,
    Malformed,
    BadSignature,
    Expired,
    NotValidYet,
}

/// <summary>HS256 JWTs keyed with the server secret, with OpenIM's claims (<c>UserID</c>, <c>PlatformID</c>, exp, nbf, iat).</summary>
internal static class JwtTokens
{
    public static string Create(string secret, string userId, int platformId, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" };
        var claims = new JsonObject
        {
            ["UserID"] = userId,
            ["PlatformID"] = platformId,
            ["exp"] = expiresAt.ToUnixTimeSeconds(),
            ["nbf"] = issuedAt.ToUnixTimeSeconds(),
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["jti"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
        };
        var unsigned = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        return unsigned + "." + Base64Url(Sign(secret, unsigned));
    }

    public static (TokenParse Result, string? UserId) Parse(string token, string secret, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return (TokenParse.Malformed, null);
        }

        JsonObject? claims;
        byte[] signature;
        try
        {
            _ = JsonNode.Parse(FromBase64Url(parts[0]));
            claims = JsonNode.Parse(FromBase64Url(parts[1])) as JsonObject;
            signature = FromBase64Url(parts[2]);
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return (TokenParse.Malformed, null);
        }

        if (claims is null)
        {
            return (TokenParse.Malformed, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(secret, parts[0] + "." + parts[1])))
        {
            return (TokenParse.BadSignature, null);
        }

        var userId = claims["UserID"]?.GetValue<string>();
        if (claims["exp"]?.GetValue<long>() is { } exp && DateTimeOffset.FromUnixTimeSeconds(exp) <= now)
        {
            return (TokenParse.Expired, userId);
        }

        if (claims["nbf"]?.GetValue<long>() is { } nbf && DateTimeOffset.FromUnixTimeSeconds(nbf) > now)
        {
            return (TokenParse.NotValidYet, userId);
        }

        return (TokenParse.Valid, userId);
    }

    private static byte[] Sign(string secret, string data) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
