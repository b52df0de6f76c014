using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.OpenIm.Dtos;
using Gateway.OpenIm.Internal;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Gateway.OpenIm.Http;

/// <summary>
/// Posts a pre-serialized JSON body to one OpenIM route through the instance's named <see cref="HttpClient"/>
/// (auth and resilience handlers included) and reads the JSON envelope whatever the HTTP status, with a size bound.
/// Transport failures become transient <see cref="ProviderException"/>s; what the envelope means is the caller's job.
/// </summary>
internal sealed class OpenImTransport(OpenImInstance instance, IHttpClientFactory httpClientFactory)
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    /// <summary>Sends a request.</summary>
    /// <typeparam name="TData">The shape of the answer's <c>data</c>.</typeparam>
    /// <param name="path">The route, relative to the base URL.</param>
    /// <param name="body">The JSON body.</param>
    /// <param name="operationId">The request's operationID.</param>
    /// <param name="authenticated">Whether the admin token is attached.</param>
    /// <param name="typeInfo">The envelope contract.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The answer.</returns>
    /// <exception cref="ProviderException">No answer arrived (transport error, timeout, open circuit), the answer was too large, or the token could not be fetched.</exception>
    public async Task<OpenImReply<TData>> PostAsync<TData>(
        string path,
        byte[] body,
        string operationId,
        bool authenticated,
        JsonTypeInfo<OpenImResponse<TData>> typeInfo,
        CancellationToken cancellationToken)
        where TData : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance.BaseUri, path));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = JsonContentType;
        request.Options.Set(OpenImRequestOptions.OperationId, operationId);
        request.Options.Set(OpenImRequestOptions.Authenticated, authenticated);

        var client = httpClientFactory.CreateClient(instance.ClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not ProviderException && !IsCallerCancellation(exception, cancellationToken))
        {
            throw Unreachable(path, exception);
        }

        using (response)
        {
            OpenImResponse<TData>? envelope;
            try
            {
                envelope = await ReadEnvelopeAsync(response, typeInfo, path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException
                || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw Unreachable(path, exception);
            }

            request.Options.TryGetValue(OpenImRequestOptions.TokenUsed, out var tokenUsed);
            return new OpenImReply<TData>((int)response.StatusCode, envelope, RetryAfter(response, instance.TimeProvider), tokenUsed);
        }
    }

    /// <summary>Reads <c>Retry-After</c> (seconds or a date).</summary>
    /// <param name="response">The response.</param>
    /// <param name="timeProvider">The clock, for dates.</param>
    /// <returns>The wait, or <see langword="null"/>.</returns>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date > timeProvider.GetUtcNow() ? date - timeProvider.GetUtcNow() : TimeSpan.Zero,
            _ => null,
        };
    }

    private static bool IsCallerCancellation(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private async Task<OpenImResponse<TData>?> ReadEnvelopeAsync<TData>(
        HttpResponseMessage response,
        JsonTypeInfo<OpenImResponse<TData>> typeInfo,
        string path,
        CancellationToken cancellationToken)
        where TData : class
    {
        var limit = instance.Options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > limit)
        {
            throw TooLarge(path, (int)response.StatusCode, limit);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(path, (int)response.StatusCode, limit);
                }

                buffer.Write(chunk, 0, read);
            }

            if (buffer.Length == 0)
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), typeInfo);
            }
            catch (JsonException)
            {
                // Not an OpenIM envelope (a proxy page, a gin 404 text): the HTTP status decides.
                return null;
            }
        }
    }

    private ProviderException TooLarge(string path, int status, int limit) => new(
        instance.Name,
        GatewayErrorCode.Unknown,
        $"OpenIM /{path} answered HTTP {status} with a body larger than MaxResponseBytes ({limit} bytes)",
        isTransient: false,
        status: status);

    private ProviderException Unreachable(string path, Exception exception)
    {
        var (message, retryAfter) = exception switch
        {
            TimeoutRejectedException timeout => ($"OpenIM /{path} timed out after {timeout.Timeout}", (TimeSpan?)null),
            BrokenCircuitException broken => ($"OpenIM provider '{instance.Name}' is failing; its circuit breaker is open", broken.RetryAfter),
            HttpRequestException http => ($"OpenIM /{path} could not be reached ({http.HttpRequestError}{(http.StatusCode is { } code ? $", HTTP {(int)code}" : string.Empty)})", null),
            OperationCanceledException => ($"OpenIM /{path} was cancelled by the HTTP stack (timeout)", null),
            _ => ($"OpenIM /{path} failed ({exception.GetType().Name})", null),
        };

        return new ProviderException(
            instance.Name,
            GatewayErrorCode.ProviderUnavailable,
            message,
            isTransient: true,
            status: 0,
            providerErrorCode: null,
            retryAfter: retryAfter,
            innerException: exception);
    }
}
