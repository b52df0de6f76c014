using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.OpenIm.Auth;
using Gateway.OpenIm.Dtos;
using Gateway.OpenIm.Errors;
using Gateway.OpenIm.Internal;
using Gateway.OpenIm.Serialization;

namespace Gateway.OpenIm.Http;

/// <summary>
/// The typed OpenIM client: one method per send route. Each call gets its own operationID, waits for the optional
/// rate limiter, and on an admin-token error (v3 1501–1507, v2 HTTP 400 "parse token failed") fetches a new token and
/// replays once. Any other failure becomes a <see cref="ProviderException"/> classified by <see cref="OpenImErrorMap"/>.
/// </summary>
internal sealed class OpenImClient(OpenImInstance instance, OpenImTransport transport, OpenImTokenCache tokenCache)
{
    /// <summary>The msg RPC rejects gRPC messages over 8 MiB (<c>rpcMaxBodySize.requestMaxBodySize</c>).</summary>
    public const int MaxRequestBytes = 8 * 1024 * 1024;

    /// <summary>Sends one v3 <c>send_msg</c> or v2 <c>manager/send_msg</c>.</summary>
    /// <param name="request">The request (its v2 operationID is set here).</param>
    /// <param name="messageId">The message id, the operationID's prefix.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The answer's data (never null; its fields may be, on v2).</returns>
    /// <exception cref="ProviderException">OpenIM refused the message or could not be reached.</exception>
    public Task<SendMsgData> SendMsgAsync(SendMsgRequest request, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var legacy = instance.Options.ApiVersion == OpenImApiVersion.V2;
        return CallAsync(
            OpenImPaths.Send(instance.Options.ApiVersion),
            messageId,
            operationId =>
            {
                // v2 reads operationID from the body; v3 ignores it there and needs the header (set by the auth handler).
                request.OperationId = legacy ? operationId : null;
                return JsonSerializer.SerializeToUtf8Bytes(request, OpenImJsonContext.Default.SendMsgRequest);
            },
            OpenImJsonContext.Default.OpenImResponseSendMsgData,
            cancellationToken);
    }

    /// <summary>Sends one v3 <c>batch_send_msg</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="messageId">The message id, the operationID's prefix.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The answer's data (never null; its lists may be).</returns>
    /// <exception cref="ProviderException">OpenIM refused the whole chunk or could not be reached.</exception>
    public Task<BatchSendMsgData> BatchSendMsgAsync(BatchSendMsgRequest request, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, OpenImJsonContext.Default.BatchSendMsgRequest);
        return CallAsync(OpenImPaths.BatchSendMsg, messageId, _ => body, OpenImJsonContext.Default.OpenImResponseBatchSendMsgData, cancellationToken);
    }

    private async Task<TData> CallAsync<TData>(
        string path,
        string messageId,
        Func<string, byte[]> serialize,
        JsonTypeInfo<OpenImResponse<TData>> typeInfo,
        CancellationToken cancellationToken)
        where TData : class, new()
    {
        var legacy = instance.Options.ApiVersion == OpenImApiVersion.V2;
        for (var attempt = 1; ; attempt++)
        {
            var operationId = OperationIds.Create(messageId);
            var body = serialize(operationId);
            if (body.Length > MaxRequestBytes)
            {
                throw new ProviderException(
                    instance.Name,
                    GatewayErrorCode.InvalidMessage,
                    $"content: the request is {body.Length} bytes; OpenIM's msg service rejects requests over {MaxRequestBytes} bytes (8 MiB)");
            }

            await WaitForPermitAsync(cancellationToken).ConfigureAwait(false);
            var reply = await transport.PostAsync(path, body, operationId, authenticated: true, typeInfo, cancellationToken).ConfigureAwait(false);
            if (reply.IsSuccess)
            {
                return reply.Envelope!.Data ?? new TData();
            }

            var envelope = reply.Envelope;
            if (attempt == 1 && OpenImErrorMap.IsTokenError(legacy, reply.Status, envelope?.ErrCode, envelope?.ErrMsg))
            {
                instance.Logger.TokenRejected(instance.Name, "/" + path, reply.Status, envelope?.ErrCode);
                tokenCache.Invalidate(reply.TokenUsed);
                instance.Metrics.Retried(instance.Name, "token_refresh");
                continue;
            }

            throw ToException(path, reply);
        }
    }

    private async ValueTask WaitForPermitAsync(CancellationToken cancellationToken)
    {
        var limiter = instance.RateLimiter;
        if (limiter is null)
        {
            return;
        }

        using (var immediate = limiter.AttemptAcquire())
        {
            if (immediate.IsAcquired)
            {
                return;
            }
        }

        var started = instance.TimeProvider.GetTimestamp();
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        var waited = instance.TimeProvider.GetElapsedTime(started);
        if (!lease.IsAcquired)
        {
            throw new ProviderException(
                instance.Name,
                GatewayErrorCode.RateLimited,
                $"OpenIM provider '{instance.Name}' is at its configured rate limit ({instance.Options.RateLimit.PermitsPerSecond}/s) and its wait queue is full",
                isTransient: true,
                retryAfter: TimeSpan.FromSeconds(1));
        }

        instance.Metrics.RateLimitWaited(instance.Name, "send", waited);
        instance.Logger.RateLimitWaited(instance.Name, waited);
    }

    private ProviderException ToException<TData>(string path, OpenImReply<TData> reply)
        where TData : class
    {
        var envelope = reply.Envelope;
        var legacy = instance.Options.ApiVersion == OpenImApiVersion.V2;
        var classification = OpenImErrorMap.Classify(legacy, reply.Status, envelope?.ErrCode, envelope?.ErrMsg, envelope?.ErrDlt);
        instance.Logger.RequestFailed(instance.Name, "/" + path, reply.Status, envelope?.ErrCode, classification.Code, classification.Transient);

        string message;
        if (envelope?.ErrCode is { } code and not 0)
        {
            var detail = string.IsNullOrEmpty(envelope.ErrDlt) ? string.Empty : ": " + envelope.ErrDlt;
            message = $"OpenIM /{path} answered errCode {code} {envelope.ErrMsg}{detail} (HTTP {reply.Status})";
            if (classification.Code == GatewayErrorCode.Unauthorized)
            {
                message += "; still refused after fetching a new admin token";
            }
        }
        else
        {
            message = $"OpenIM /{path} answered {classification.Name}";
        }

        return new ProviderException(
            instance.Name,
            classification.Code,
            message,
            classification.Transient,
            reply.Status,
            envelope?.ErrCode is { } raw and not 0 ? raw.ToString(CultureInfo.InvariantCulture) : null,
            reply.RetryAfter ?? (classification.Code == GatewayErrorCode.RateLimited ? TimeSpan.FromSeconds(1) : null));
    }
}
