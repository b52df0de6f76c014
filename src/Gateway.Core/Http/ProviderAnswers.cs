using System.Buffers;

namespace Gateway.Core.Http;

/// <summary>
/// Reads a provider's answer for an adapter: the body whatever the HTTP status (OpenIM and Tencent put their error
/// envelopes in 200 and 4xx bodies alike), bounded in size so a misbehaving server cannot make the worker buffer
/// without limit, into a pooled buffer that is parsed once and returned; and the <c>Retry-After</c> header.
/// </summary>
public static class ProviderAnswers
{
    /// <summary>Reads the whole body, at most <paramref name="maxBytes"/>, and parses it.</summary>
    /// <typeparam name="T">What the parser makes of the body.</typeparam>
    /// <param name="response">The response; its <see cref="HttpResponseMessage.RequestMessage"/> is handed to the parser.</param>
    /// <param name="maxBytes">The largest body read; a larger one (announced or not) throws.</param>
    /// <param name="expectedBytes">The first buffer's size when the length is not announced (a typical answer's size).</param>
    /// <param name="parse">Parses the request's answer from the first <c>length</c> bytes of the buffer; the buffer is
    /// returned to the pool afterwards, so the parser must not keep it.</param>
    /// <param name="cancellationToken">The token to stop reading.</param>
    /// <param name="limitSetting">The setting that holds <paramref name="maxBytes"/>, named in the error (none when fixed).</param>
    /// <returns>What <paramref name="parse"/> returned.</returns>
    /// <exception cref="HttpRequestException">The body is larger than <paramref name="maxBytes"/>
    /// (<see cref="HttpRequestError.ConfigurationLimitExceeded"/>).</exception>
    public static async ValueTask<T> ReadAsync<T>(
        HttpResponseMessage response,
        int maxBytes,
        int expectedBytes,
        Func<HttpRequestMessage, byte[], int, T> parse,
        CancellationToken cancellationToken,
        string? limitSetting = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        var request = response.RequestMessage ?? throw new InvalidOperationException("The response has no request.");
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes, limitSetting);
        }

        // One byte more than the limit, so that reaching it proves the body is too large.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(response.Content.Headers.ContentLength ?? expectedBytes, maxBytes) + 1);
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
                        throw TooLarge(maxBytes, limitSetting);
                    }

                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                return parse(request, buffer, length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads <c>Retry-After</c> (seconds or a date; a date in the past is zero).</summary>
    /// <param name="response">The response.</param>
    /// <param name="timeProvider">The clock a date is measured against.</param>
    /// <returns>How long the server asked to wait, or <see langword="null"/> when it did not say.</returns>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > timeProvider.GetUtcNow() ? date - timeProvider.GetUtcNow() : TimeSpan.Zero,
            _ => null,
        };
    }

    private static HttpRequestException TooLarge(int maxBytes, string? setting) =>
        new(HttpRequestError.ConfigurationLimitExceeded, setting is null
            ? $"the answer is larger than {maxBytes} bytes"
            : $"the answer is larger than {setting} ({maxBytes} bytes)");
}
