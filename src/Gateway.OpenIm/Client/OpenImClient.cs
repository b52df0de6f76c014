using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Core.Http;
using Gateway.Core.Providers;
using Gateway.OpenIm.Auth;
using Gateway.OpenIm.Dtos;
using Gateway.OpenIm.Errors;
using Gateway.OpenIm.Http;
using Gateway.OpenIm.Internal;
using Gateway.OpenIm.Mapping;
using Gateway.OpenIm.Serialization;

namespace Gateway.OpenIm.Client;

/// <summary>
/// The typed OpenIM client: one method per route. It names the instance on every request (the pipeline and the token
/// are chosen by it), gives each call its operationID, and turns a failed answer or a missing one into a
/// <see cref="ProviderException"/> classified by the error map. The handlers below it do the rest: resilience per
/// instance, then the token (<see cref="OpenImAuthHandler"/>), which also parses the answer once.
/// </summary>
internal sealed class OpenImClient(HttpClient httpClient, TimeProvider timeProvider)
{
    /// <summary>How long a token is trusted when the server does not say (it then gets refreshed at half of it).</summary>
    private static readonly TimeSpan UnknownLifetime = TimeSpan.FromHours(1);

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    /// <summary>Sends one v3 <c>send_msg</c> or v2 <c>manager/send_msg</c>.</summary>
    /// <returns>The answer's data (never null; its fields may be, on v2).</returns>
    /// <exception cref="ProviderException">OpenIM refused the message or could not be reached.</exception>
    public async ValueTask<SendMsgData> SendMsgAsync(OpenImTarget target, SendMsgRequest request, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        var operationId = OperationIds.Create(messageId);

        // v2 reads operationID from the body; v3 ignores it there and gets the header (set by the auth handler).
        request.OperationId = target.LegacyV2 ? operationId : null;
        var path = OpenImPaths.Send(target.Options.ApiVersion);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, OpenImJsonContext.Default.SendMsgRequest);
        var answer = await PostAsync(target, path, body, operationId, anonymous: false, OpenImJsonContext.Default.OpenImResponseSendMsgData, cancellationToken).ConfigureAwait(false);
        return answer.IsSuccess
            ? ((OpenImResponse<SendMsgData>)answer.Envelope!).Data ?? new SendMsgData()
            : throw Refused(target, path, answer);
    }

    /// <summary>Sends one v3 <c>batch_send_msg</c>.</summary>
    /// <returns>The answer's data (never null; its lists may be).</returns>
    /// <exception cref="ProviderException">OpenIM refused the whole chunk or could not be reached.</exception>
    public async Task<BatchSendMsgData> BatchSendMsgAsync(OpenImTarget target, BatchSendMsgRequest request, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, OpenImJsonContext.Default.BatchSendMsgRequest);
        var answer = await PostAsync(target, OpenImPaths.BatchSendMsg, body, OperationIds.Create(messageId), anonymous: false, OpenImJsonContext.Default.OpenImResponseBatchSendMsgData, cancellationToken).ConfigureAwait(false);
        return answer.IsSuccess
            ? ((OpenImResponse<BatchSendMsgData>)answer.Envelope!).Data ?? new BatchSendMsgData()
            : throw Refused(target, OpenImPaths.BatchSendMsg, answer);
    }

    /// <summary>Fetches an admin token through the route of the instance's API generation.</summary>
    /// <exception cref="ProviderException">The server refused the request or could not be reached.</exception>
    public async Task<OpenImTokenGrant> GetAdminTokenAsync(OpenImTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var options = target.Options;
        var version = options.ApiVersion;
        var path = OpenImPaths.Token(version);
        var operationId = OperationIds.Create(OperationIds.TokenPrefix);
        var body = version switch
        {
            OpenImApiVersion.V3 => JsonSerializer.SerializeToUtf8Bytes(
                new GetAdminTokenRequest { Secret = options.Secret!, UserId = options.AdminUserId },
                OpenImJsonContext.Default.GetAdminTokenRequest),
            OpenImApiVersion.V3UserToken => JsonSerializer.SerializeToUtf8Bytes(
                new UserTokenRequest { Secret = options.Secret!, PlatformId = OpenImMessageMapper.V3AdminPlatformId, UserId = options.AdminUserId },
                OpenImJsonContext.Default.UserTokenRequest),
            _ => JsonSerializer.SerializeToUtf8Bytes(
                new UserTokenV2Request { Secret = options.Secret!, Platform = OpenImMessageMapper.V2AdminPlatformId, UserId = options.AdminUserId, OperationId = operationId },
                OpenImJsonContext.Default.UserTokenV2Request),
        };

        var requestedAt = timeProvider.GetUtcNow();
        var answer = await PostAsync(target, path, body, operationId, anonymous: true, OpenImJsonContext.Default.OpenImResponseTokenData, cancellationToken).ConfigureAwait(false);
        var data = answer.IsSuccess ? ((OpenImResponse<TokenData>)answer.Envelope!).Data : null;
        if (string.IsNullOrEmpty(data?.Token))
        {
            var envelope = answer.Envelope;
            throw OpenImFailures.TokenRefused(target.Instance, version, path, answer.Status, envelope?.ErrCode, envelope?.ErrMsg, envelope?.ErrDlt, answer.RetryAfter);
        }

        return new OpenImTokenGrant(data.Token, ExpiresAt(data, version, requestedAt));
    }

    private static DateTimeOffset ExpiresAt(TokenData data, OpenImApiVersion version, DateTimeOffset requestedAt)
    {
        // v3 answers a duration (expireTimeSeconds, 90 days by default); v2 an absolute Unix time (expiredTime).
        if (version == OpenImApiVersion.V2)
        {
            return data.ExpiredTime is > 0 and < 253_402_300_800 ? DateTimeOffset.FromUnixTimeSeconds(data.ExpiredTime.Value) : requestedAt + UnknownLifetime;
        }

        return data.ExpireTimeSeconds is > 0 and < 31_536_000_000 ? requestedAt + TimeSpan.FromSeconds(data.ExpireTimeSeconds.Value) : requestedAt + UnknownLifetime;
    }

    private static ProviderException Refused(OpenImTarget target, string path, OpenImAnswer answer) =>
        OpenImFailures.Refused(target.Instance, target.LegacyV2, path, answer.Status, answer.Envelope?.ErrCode, answer.Envelope?.ErrMsg, answer.Envelope?.ErrDlt, answer.RetryAfter, target.Options.Resilience.Retry.RateLimitedDelay);

    private async ValueTask<OpenImAnswer> PostAsync<TData>(
        OpenImTarget target,
        string path,
        byte[] body,
        string operationId,
        bool anonymous,
        JsonTypeInfo<OpenImResponse<TData>> answerType,
        CancellationToken cancellationToken)
        where TData : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Route(path));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = JsonContentType;
        if (anonymous)
        {
            request.SetProviderInstance(target.Instance, OpenImPipeline.AuthPipeline);
        }
        else
        {
            request.SetProviderInstance(target.Instance);
        }

        OpenImRequest.Describe(request, operationId, anonymous, answerType);
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return OpenImRequest.AnswerOf(request)
                ?? throw new InvalidOperationException("The OpenIM answer was not read; the client must run behind OpenImAuthHandler.");
        }
        catch (Exception exception) when (exception is not (ProviderException or InvalidOperationException) && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw OpenImFailures.Unreachable(target.Instance, path, exception);
        }
    }
}
