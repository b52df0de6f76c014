using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.TencentIm.Dtos;
using Gateway.TencentIm.Errors;
using Gateway.TencentIm.Internal;
using Gateway.TencentIm.Serialization;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Gateway.TencentIm.Http;

/// <summary>
/// The typed client of one instance: one method per API. Returns the parsed answer whatever its <c>ErrorCode</c> (the
/// caller decides, because batch answers carry per-recipient results); throws <see cref="ProviderException"/> only when
/// no Tencent answer arrived (transport failure, timeout, open circuit, unreadable body).
/// </summary>
internal sealed class TencentImClient(HttpClient httpClient, TencentImInstance instance)
{
    public Task<TencentImAnswer<SendMsgResponse>> SendMsgAsync(SendMsgRequest request, CancellationToken cancellationToken) =>
        PostAsync(TencentImApi.SendMsg, request, TencentImJsonContext.Default.SendMsgRequest, TencentImJsonContext.Default.SendMsgResponse, 0, null, cancellationToken);

    public Task<TencentImAnswer<BatchSendMsgResponse>> BatchSendMsgAsync(BatchSendMsgRequest request, CancellationToken cancellationToken) =>
        PostAsync(TencentImApi.BatchSendMsg, request, TencentImJsonContext.Default.BatchSendMsgRequest, TencentImJsonContext.Default.BatchSendMsgResponse, request.ToAccount.Count, null, cancellationToken);

    public Task<TencentImAnswer<SendGroupMsgResponse>> SendGroupMsgAsync(SendGroupMsgRequest request, CancellationToken cancellationToken) =>
        PostAsync(TencentImApi.SendGroupMsg, request, TencentImJsonContext.Default.SendGroupMsgRequest, TencentImJsonContext.Default.SendGroupMsgResponse, 0, request.GroupId, cancellationToken);

    public Task<TencentImAnswer<TencentImEnvelope>> AdminMsgWithdrawAsync(AdminMsgWithdrawRequest request, CancellationToken cancellationToken) =>
        PostAsync(TencentImApi.AdminMsgWithdraw, request, TencentImJsonContext.Default.AdminMsgWithdrawRequest, TencentImJsonContext.Default.TencentImEnvelope, 0, null, cancellationToken);

    public Task<TencentImAnswer<GroupMsgRecallResponse>> GroupMsgRecallAsync(GroupMsgRecallRequest request, CancellationToken cancellationToken) =>
        PostAsync(TencentImApi.GroupMsgRecall, request, TencentImJsonContext.Default.GroupMsgRecallRequest, TencentImJsonContext.Default.GroupMsgRecallResponse, 0, null, cancellationToken);

    /// <summary>Builds the exception for a failed answer: the error map's classification, the redacted <c>ErrorInfo</c>.</summary>
    public ProviderException Failure(TencentImApi api, int status, ITencentImResponse answer, string? subject = null)
    {
        var code = answer.ErrorCode;
        var error = TencentImErrorMap.Lookup(code);
        var retryAfter = code == 70050 ? TencentImErrorMap.AuthLockoutDelay
            : error.Class == TencentImErrorClass.RateLimited ? instance.Options.Retry.RateLimitDelay
            : (TimeSpan?)null;
        var info = instance.Redact(answer.ErrorInfo);
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Tencent Cloud IM {api.Name}{(subject is null ? string.Empty : " " + subject)} failed with ErrorCode {code} ({error.Meaning}){(info.Length == 0 ? string.Empty : ": " + info)}");
        instance.Logger.CallFailed(instance.Name, api.Name, status, code, info);
        return new ProviderException(instance.Name, error.Code, message, error.Transient, status, code.ToString(CultureInfo.InvariantCulture), retryAfter);
    }

    private async Task<TencentImAnswer<TResponse>> PostAsync<TRequest, TResponse>(
        TencentImApi api,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        int recipients,
        string? groupId,
        CancellationToken cancellationToken)
        where TResponse : class, ITencentImResponse
    {
        var call = new TencentImCall(api, new Uri(instance.BaseAddress, api.Path), JsonSerializer.SerializeToUtf8Bytes(body, requestType), recipients, groupId);
        using var request = call.CreateRequest();
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException exception)
        {
            throw Unavailable(api, $"is refused locally: the circuit is open after repeated failures", 0, exception.RetryAfter ?? instance.Options.Resilience.BreakDuration, exception);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException or OperationCanceledException)
        {
            throw Unavailable(api, "timed out (the outcome is unknown)", 0, null, exception);
        }
        catch (HttpRequestException exception)
        {
            throw Unavailable(api, $"could not reach Tencent ({exception.HttpRequestError})", (int?)exception.StatusCode ?? 0, null, exception);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            TResponse? answer;
            try
            {
                answer = await TencentImResponseReader.ReadAsync(response, responseType, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException exception)
            {
                throw Unavailable(api, "answered too much or broke off", status, null, exception);
            }

            if (answer is null || (answer.ActionStatus is null && answer.ErrorCode == 0 && answer.ErrorInfo is null))
            {
                var transient = response.StatusCode == HttpStatusCode.OK || TencentImPipelineFactory.IsTransientStatus(response.StatusCode);
                throw new ProviderException(
                    instance.Name,
                    transient ? GatewayErrorCode.ProviderUnavailable : response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized ? GatewayErrorCode.Forbidden : GatewayErrorCode.Unknown,
                    $"Tencent Cloud IM {api.Name} answered HTTP {status} without a Tencent JSON answer (check Region/BaseUrl)",
                    transient,
                    status);
            }

            return new TencentImAnswer<TResponse>(answer, status);
        }
    }

    private ProviderException Unavailable(TencentImApi api, string what, int status, TimeSpan? retryAfter, Exception exception) =>
        new(instance.Name, GatewayErrorCode.ProviderUnavailable, $"Tencent Cloud IM {api.Name} {what}", isTransient: true, status: status, retryAfter: retryAfter, innerException: exception);
}
