using System.Buffers;

namespace Gateway.TencentIm.Http;

/// <summary>
/// Reads a Tencent answer whatever its HTTP status, with a size bound, parses it once with the parser the client named
/// for the request, and stores it in the request's options for the pipeline and the client.
/// </summary>
internal static class TencentImAnswerReader
{
    /// <summary>The largest answer read; Tencent's are a few hundred bytes.</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    public static async Task<TencentImAnswer> ReadAsync(HttpResponseMessage response, Func<string?, string> redact, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var request = response.RequestMessage ?? throw new InvalidOperationException("The response has no request.");
        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            throw TooLarge();
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(response.Content.Headers.ContentLength ?? 1024, MaxResponseBytes) + 1);
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
                    if (length > MaxResponseBytes)
                    {
                        throw TooLarge();
                    }

                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxResponseBytes + 1));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                var envelope = TencentImRequest.Parse(request, buffer, length);
                var answer = new TencentImAnswer((int)response.StatusCode, envelope, RetryAfter(response, timeProvider), redact(envelope?.ErrorInfo));
                TencentImRequest.SetAnswer(request, answer);
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

    private static HttpRequestException TooLarge() =>
        new(HttpRequestError.ConfigurationLimitExceeded, $"the answer is larger than {MaxResponseBytes} bytes");
}
