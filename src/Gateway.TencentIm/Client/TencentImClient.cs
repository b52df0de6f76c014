using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Core.Http;
using Gateway.Core.Providers;
using Gateway.TencentIm.Auth;
using Gateway.TencentIm.Dtos;
using Gateway.TencentIm.Errors;
using Gateway.TencentIm.Http;
using Gateway.TencentIm.Serialization;

namespace Gateway.TencentIm.Client;

/// <summary>
/// The typed Tencent client: one method per API. It names the instance on every request (the pipeline and the UserSig
/// are chosen by it), puts what an attempt costs against the quotas into the request's options, serializes the body
/// once (every attempt sends the same bytes), and turns a failed answer or a missing one into a
/// <see cref="ProviderException"/> classified by the error map. The handlers below it do the rest: resilience per
/// instance (retries, quotas, breaker), then the signature (<see cref="TencentImAuthHandler"/>), which also parses the
/// answer once.
/// </summary>
internal sealed class TencentImClient(HttpClient httpClient)
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    /// <summary>Sends one <c>sendmsg</c>.</summary>
    /// <exception cref="ProviderException">Tencent refused the message or could not be reached.</exception>
    public async Task<SendMsgResponse> SendMsgAsync(TencentImTarget target, SendMsgRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, TencentImJsonContext.Default.SendMsgRequest);
        var answer = await PostAsync(target, TencentImApi.SendMsg, body, TencentImJsonContext.Default.SendMsgResponse, 0, null, cancellationToken).ConfigureAwait(false);
        return answer.IsSuccess
            ? (SendMsgResponse)answer.Envelope!
            : throw TencentImFailures.Refused(target.Instance, TencentImApi.SendMsg, answer, target.RateLimitedDelay, $"to '{request.ToAccount}'");
    }

    /// <summary>
    /// Sends one <c>batchsendmsg</c> chunk. Decided on <c>ErrorCode</c> and <c>ErrorList</c> (reference §2, §4.1), not on
    /// <c>ActionStatus</c>: the answer is returned when it reports per recipient — <c>ErrorCode</c> 0 (sent to everyone
    /// not in <c>ErrorList</c>, whatever <c>ActionStatus</c> says), an <c>ErrorList</c>, or a code about recipients
    /// (every recipient failed with it).
    /// </summary>
    /// <param name="target">The instance.</param>
    /// <param name="request">The chunk.</param>
    /// <param name="chunk">Names the chunk in messages, for example <c>chunk 2 of 3</c>.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>The answer, to be read per recipient.</returns>
    /// <exception cref="ProviderException">The whole chunk failed (non-zero <c>ErrorCode</c> without <c>ErrorList</c>), or Tencent could not be reached.</exception>
    public async Task<BatchSendMsgResponse> BatchSendMsgAsync(TencentImTarget target, BatchSendMsgRequest request, string chunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, TencentImJsonContext.Default.BatchSendMsgRequest);
        var answer = await PostAsync(target, TencentImApi.BatchSendMsg, body, TencentImJsonContext.Default.BatchSendMsgResponse, request.ToAccount.Count, null, cancellationToken).ConfigureAwait(false);
        return answer.Status is >= 200 and < 300
            && answer.Envelope is BatchSendMsgResponse response
            && (response.ErrorCode == 0 || response.ErrorList is { Count: > 0 } || TencentImErrorMap.IsAboutRecipient(response.ErrorCode))
                ? response
                : throw TencentImFailures.Refused(target.Instance, TencentImApi.BatchSendMsg, answer, target.RateLimitedDelay, chunk);
    }

    /// <summary>Sends one <c>send_group_msg</c>.</summary>
    /// <exception cref="ProviderException">Tencent refused the message or could not be reached.</exception>
    public async Task<SendGroupMsgResponse> SendGroupMsgAsync(TencentImTarget target, SendGroupMsgRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, TencentImJsonContext.Default.SendGroupMsgRequest);
        var answer = await PostAsync(target, TencentImApi.SendGroupMsg, body, TencentImJsonContext.Default.SendGroupMsgResponse, 0, request.GroupId, cancellationToken).ConfigureAwait(false);
        return answer.IsSuccess
            ? (SendGroupMsgResponse)answer.Envelope!
            : throw TencentImFailures.Refused(target.Instance, TencentImApi.SendGroupMsg, answer, target.RateLimitedDelay, $"to group '{request.GroupId}'");
    }

    /// <summary>Recalls a one-to-one message with <c>admin_msgwithdraw</c>; 20023 (already recalled) is success.</summary>
    /// <exception cref="ProviderException">Tencent refused the recall or could not be reached.</exception>
    public async Task AdminMsgWithdrawAsync(TencentImTarget target, AdminMsgWithdrawRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, TencentImJsonContext.Default.AdminMsgWithdrawRequest);
        var answer = await PostAsync(target, TencentImApi.AdminMsgWithdraw, body, TencentImJsonContext.Default.TencentImEnvelope, 0, null, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess && !IsAlreadyRecalled(answer))
        {
            throw TencentImFailures.Refused(target.Instance, TencentImApi.AdminMsgWithdraw, answer, target.RateLimitedDelay);
        }
    }

    /// <summary>Recalls one group message with <c>group_msg_recall</c>; 20023 (already recalled), for the answer or the item, is success.</summary>
    /// <exception cref="ProviderException">Tencent refused the recall or could not be reached.</exception>
    public async Task GroupMsgRecallAsync(TencentImTarget target, GroupMsgRecallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, TencentImJsonContext.Default.GroupMsgRecallRequest);
        var answer = await PostAsync(target, TencentImApi.GroupMsgRecall, body, TencentImJsonContext.Default.GroupMsgRecallResponse, 0, null, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess && !IsAlreadyRecalled(answer))
        {
            throw TencentImFailures.Refused(target.Instance, TencentImApi.GroupMsgRecall, answer, target.RateLimitedDelay);
        }

        foreach (var asked in request.MsgSeqList)
        {
            var item = (answer.Envelope as GroupMsgRecallResponse)?.RecallRetList?.FirstOrDefault(r => r?.MsgSeq == asked.MsgSeq);
            if (item is not null && !TencentImErrorMap.IsSuccess(item.RetCode))
            {
                throw TencentImFailures.Code(target.Instance, TencentImApi.GroupMsgRecall, answer.Status, item.RetCode, string.Empty, null, target.RateLimitedDelay, $"of MsgSeq {asked.MsgSeq}");
            }
        }
    }

    private static bool IsAlreadyRecalled(TencentImAnswer answer) => answer.Code is { } code && TencentImErrorMap.IsSuccess(code);

    private async Task<TencentImAnswer> PostAsync<TResponse>(
        TencentImTarget target,
        TencentImApi api,
        byte[] body,
        JsonTypeInfo<TResponse> answerType,
        int recipients,
        string? groupId,
        CancellationToken cancellationToken)
        where TResponse : class, ITencentImResponse
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.BaseUri, api.Path));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = JsonContentType;
        request.SetProviderInstance(target.Instance);
        TencentImRequest.Describe(request, api, answerType, recipients, groupId);
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return TencentImRequest.AnswerOf(request)
                ?? throw new InvalidOperationException("The Tencent answer was not read; the client must run behind TencentImAuthHandler.");
        }
        catch (Exception exception) when (exception is not (ProviderException or InvalidOperationException) && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            throw TencentImFailures.Unreachable(target.Instance, api, exception, target.Options.Resilience.CircuitBreaker.BreakDuration);
        }
    }
}
