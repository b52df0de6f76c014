using System.Security.Cryptography;

namespace Gateway.OpenIm.Http;

/// <summary>
/// OpenIM <c>operationID</c>s: the message id (DESIGN: "prefix of the operationID") plus a random suffix, so every
/// HTTP request has its own id and server logs can still be searched by message id. A retry by the resilience
/// handler repeats its request byte for byte, operationID included.
/// </summary>
internal static class OperationIds
{
    /// <summary>Prefix of token requests, which belong to no message.</summary>
    public const string TokenPrefix = "gateway-token";

    /// <summary>Creates an operationID.</summary>
    /// <param name="prefix">The message id, or <see cref="TokenPrefix"/>.</param>
    /// <returns><c>{prefix}-{16 hex digits}</c>.</returns>
    public static string Create(string prefix)
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        return string.Concat(prefix, "-", Convert.ToHexStringLower(random));
    }
}
