using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.TencentIm.Dtos;
using Gateway.TencentIm.Serialization;

namespace Gateway.TencentIm.Http;

/// <summary>
/// Reads Tencent answers whatever their HTTP status, with a size bound. The envelope (<c>ActionStatus</c>,
/// <c>ErrorCode</c>, <c>ErrorInfo</c>) is parsed once per response and shared by the handlers and the client.
/// </summary>
internal static class TencentImResponseReader
{
    /// <summary>The largest answer read; Tencent's are a few hundred bytes.</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    private static readonly ConditionalWeakTable<HttpResponseMessage, StrongBox<TencentImEnvelope?>> Envelopes = new();

    /// <summary>Gets the envelope, or <see langword="null"/> when the body is not a Tencent JSON answer.</summary>
    public static async ValueTask<TencentImEnvelope?> ReadEnvelopeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (Envelopes.TryGetValue(response, out var cached))
        {
            return cached.Value;
        }

        var envelope = await ReadAsync(response, TencentImJsonContext.Default.TencentImEnvelope, cancellationToken).ConfigureAwait(false);
        if (envelope is not null && envelope.ActionStatus is null && envelope.ErrorCode == 0 && envelope.ErrorInfo is null)
        {
            // JSON, but not Tencent's: no envelope field at all.
            envelope = null;
        }

        Envelopes.AddOrUpdate(response, new StrongBox<TencentImEnvelope?>(envelope));
        return envelope;
    }

    /// <summary>Reads the whole answer as <typeparamref name="T"/>, or <see langword="null"/> when it is not that JSON.</summary>
    public static async ValueTask<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        await response.Content.LoadIntoBufferAsync(MaxResponseBytes, cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        await response.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            return null;
        }

        buffer.Position = 0;
        try
        {
            return await JsonSerializer.DeserializeAsync(buffer, typeInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
