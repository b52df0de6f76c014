using System.Buffers;

namespace Gateway.OpenIm.Http;

/// <summary>
/// Reads an OpenIM answer whatever its HTTP status (OpenIM puts its error envelope in 200 and 400 bodies alike), with
/// a size bound, and parses it once with the parser the client named for the request.
/// </summary>
internal static class OpenImAnswerReader
{
    public static async ValueTask<OpenImAnswer> ReadAsync(HttpResponseMessage response, int maxBytes, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var request = response.RequestMessage ?? throw new InvalidOperationException("The response has no request.");
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(response.Content.Headers.ContentLength ?? 4096, maxBytes) + 1);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var length = 0;
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        throw TooLarge(maxBytes);
                    }

                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                var answer = new OpenImAnswer((int)response.StatusCode, OpenImRequest.Parse(request, buffer, length), response.IsSuccessStatusCode ? null : RetryAfter(response, timeProvider));
                OpenImRequest.SetAnswer(request, answer);
                return answer;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads <c>Retry-After</c> (seconds or a date).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > timeProvider.GetUtcNow() ? date - timeProvider.GetUtcNow() : TimeSpan.Zero,
        _ => null,
    };

    private static HttpRequestException TooLarge(int maxBytes) =>
        new(HttpRequestError.ConfigurationLimitExceeded, $"the answer is larger than MaxResponseBytes ({maxBytes} bytes)");
}
