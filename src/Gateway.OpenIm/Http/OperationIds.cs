namespace Gateway.OpenIm.Http;

/// <summary>
/// OpenIM <c>operationID</c>s: the message id (DESIGN: "prefix of the operationID") plus a random suffix, so every
/// HTTP request has its own id and server logs can still be searched by message id. A retry by the resilience
/// handler repeats its request byte for byte, operationID included; the replay after a token renewal is a new request
/// and gets a new one (<see cref="Renew"/>).
/// </summary>
internal static class OperationIds
{
    /// <summary>Prefix of token requests, which belong to no message.</summary>
    public const string TokenPrefix = "gateway-token";

    /// <summary>The length of the random suffix, dash included.</summary>
    private const int SuffixLength = 17;

    /// <summary>Creates an operationID.</summary>
    /// <param name="prefix">The message id, or <see cref="TokenPrefix"/>.</param>
    /// <returns><c>{prefix}-{16 hex digits}</c>.</returns>
    public static string Create(string prefix)
    {
        // Unique enough to tell requests apart in server logs; nothing relies on it being unpredictable, and the
        // cryptographic generator (OpenSSL on Linux) cost microseconds per request.
        return string.Create(prefix.Length + SuffixLength, prefix, static (span, prefix) =>
        {
            prefix.CopyTo(span);
            span[prefix.Length] = '-';
            Span<byte> bytes = stackalloc byte[8];
            Random.Shared.NextBytes(bytes);
            Convert.TryToHexStringLower(bytes, span[(prefix.Length + 1)..], out _);
        });
    }

    /// <summary>Creates a new operationID with the prefix of <paramref name="operationId"/>.</summary>
    /// <param name="operationId">An id made by <see cref="Create"/>.</param>
    /// <returns><c>{prefix}-{16 new hex digits}</c>.</returns>
    public static string Renew(string operationId)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        return Create(operationId[..^SuffixLength]);
    }
}
