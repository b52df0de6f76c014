using System.Globalization;
using Gateway.Core.Diagnostics;
using Gateway.Core.Http;
using Gateway.Core.RateLimiting;
using Gateway.TencentIm.Errors;
using Gateway.TencentIm.Http;
using Gateway.TencentIm.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.TencentIm.Auth;

/// <summary>
/// The innermost handler of the Tencent client (inside the resilience handler, so every attempt is signed anew): puts
/// <c>sdkappid</c>, <c>identifier</c>, <c>usersig</c>, a new uint32 <c>random</c> and <c>contenttype=json</c> in the
/// query, reads and parses the answer once, and when Tencent rejects the UserSig (70001, 70002, 70003, 70005, 70009,
/// 70052, 60004, 60005, 20002, 10008) regenerates it and replays the request once, with its own quota permits. Just
/// before a request goes on the wire it takes again the permits of any window that closed since they were granted
/// (<see cref="QuotaGrants.RenewClosedAsync"/>), so Tencent counts it in the window that granted it.
/// </summary>
internal sealed class TencentImAuthHandler(
    IServiceProvider services,
    IOptionsMonitor<TencentImOptions> optionsMonitor,
    WindowRateLimiter limiter,
    GatewayMetrics metrics,
    TimeProvider timeProvider,
    ILogger<TencentImAuthHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instance = request.GetProviderInstance();
        var options = optionsMonitor.Get(instance);
        var userSigs = services.GetRequiredKeyedService<UserSigCache>(instance);
        var userSig = await userSigs.GetAsync(cancellationToken).ConfigureAwait(false);
        Sign(request, options, userSig);
        await QuotaGrants.RenewClosedAsync(request, TencentImQuotas.Demands(request, options), limiter, instance, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = await ReadAsync(response, instance, userSigs, cancellationToken).ConfigureAwait(false);

        // Once per call, not per attempt: repeated UserSig failures count towards Tencent's 70050 lockout.
        if (answer.Code is not { } code || !TencentImErrorMap.IsAuth(code) || !TencentImRequest.TryMarkUserSigRenewed(request))
        {
            return response;
        }

        var api = TencentImRequest.ApiOf(request)?.Name ?? "request";
        logger.UserSigRejected(instance, code, api);
        metrics.Retried(instance, "usersig_refresh");
        response.Dispose();
        userSig = await userSigs.RenewAsync(userSig, cancellationToken).ConfigureAwait(false);
        var demands = TencentImQuotas.Demands(request, options);
        await QuotaGrants.AcquireAsync(request, demands, limiter, instance, cancellationToken).ConfigureAwait(false);
        Sign(request, options, userSig);
        await QuotaGrants.RenewClosedAsync(request, demands, limiter, instance, cancellationToken).ConfigureAwait(false);
        var replay = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ReadAsync(replay, instance, userSigs, cancellationToken).ConfigureAwait(false);
        return replay;
    }

    private static void Sign(HttpRequestMessage request, TencentImOptions options, string userSig)
    {
        var unsigned = request.RequestUri!.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        var random = (uint)Random.Shared.NextInt64(0, 4_294_967_296);
        request.RequestUri = new Uri(string.Create(
            CultureInfo.InvariantCulture,
            $"{unsigned}?sdkappid={options.SdkAppId}&identifier={Uri.EscapeDataString(options.AdminIdentifier)}&usersig={userSig}&random={random}&contenttype=json"));
    }

    private async Task<TencentImAnswer> ReadAsync(HttpResponseMessage response, string instance, UserSigCache userSigs, CancellationToken cancellationToken)
    {
        var answer = await TencentImAnswerReader.ReadAsync(response, userSigs.Redact, timeProvider, cancellationToken).ConfigureAwait(false);
        if (answer.Code is { } code and not 0)
        {
            var api = TencentImRequest.ApiOf(response.RequestMessage)?.Name ?? "request";
            logger.CallFailed(instance, api, answer.Status, code, answer.ErrorInfo);
            if (code == 90992)
            {
                logger.CallbackServerSuspected(instance, api);
            }
        }

        return answer;
    }
}
