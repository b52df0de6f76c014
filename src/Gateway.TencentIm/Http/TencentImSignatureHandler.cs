using System.Globalization;
using Gateway.TencentIm.Errors;
using Gateway.TencentIm.Internal;

namespace Gateway.TencentIm.Http;

/// <summary>
/// Signs each attempt: <c>sdkappid</c>, <c>identifier</c>, <c>usersig</c>, a new uint32 <c>random</c> and
/// <c>contenttype=json</c> in the query. When Tencent rejects the UserSig (70001, 70002, 70003, 70005, 70009, 70052,
/// 60004, 60005, 20002, 10008) it regenerates it and replays the call once (the replay waits for its own permits).
/// </summary>
internal sealed class TencentImSignatureHandler(TencentImInstance instance) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var userSig = await instance.UserSigs.GetAsync(cancellationToken).ConfigureAwait(false);
        Sign(request, userSig);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!request.Options.TryGetValue(TencentImCall.OptionsKey, out var call) || call.UserSigRenewed)
        {
            return response;
        }

        var envelope = await TencentImResponseReader.ReadEnvelopeAsync(response, cancellationToken).ConfigureAwait(false);
        if (envelope is null || !TencentImErrorMap.IsAuth(envelope.ErrorCode))
        {
            return response;
        }

        call.UserSigRenewed = true;
        instance.Logger.UserSigRejected(instance.Name, envelope.ErrorCode, call.Api.Name);
        instance.Metrics.Retried(instance.Name, "usersig_refresh");
        response.Dispose();
        userSig = await instance.UserSigs.RenewAsync(userSig, cancellationToken).ConfigureAwait(false);
        await instance.Limiter.WaitAsync(call, instance.Observer, cancellationToken).ConfigureAwait(false);
        var replay = call.CreateRequest();
        Sign(replay, userSig);
        return await base.SendAsync(replay, cancellationToken).ConfigureAwait(false);
    }

    private void Sign(HttpRequestMessage request, string userSig)
    {
        var unsigned = request.RequestUri!.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        var random = (uint)Random.Shared.NextInt64(0, 4_294_967_296);
        request.RequestUri = new Uri(string.Create(
            CultureInfo.InvariantCulture,
            $"{unsigned}?sdkappid={instance.Options.SdkAppId}&identifier={Uri.EscapeDataString(instance.Options.AdminIdentifier)}&usersig={userSig}&random={random}&contenttype=json"));
    }
}
