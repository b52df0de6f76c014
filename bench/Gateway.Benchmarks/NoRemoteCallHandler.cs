using System.Net;
using System.Text;

namespace Gateway.Benchmarks;

/// <summary>A primary handler that answers every provider call with a canned success body: the pipeline without a network.</summary>
internal sealed class NoRemoteCallHandler : HttpMessageHandler
{
    private static readonly byte[] Token = Encoding.UTF8.GetBytes("""{"errCode":0,"errMsg":"","errDlt":"","data":{"token":"bench-token","expireTimeSeconds":7776000}}""");
    private static readonly byte[] OpenImSent = Encoding.UTF8.GetBytes("""{"errCode":0,"errMsg":"","errDlt":"","data":{"serverMsgID":"s","clientMsgID":"c","sendTime":1767225600000}}""");
    private static readonly byte[] TencentSent = Encoding.UTF8.GetBytes("""{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MsgTime":1767225600,"MsgKey":"1_2_3"}""");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = path.EndsWith("/auth/get_admin_token", StringComparison.Ordinal) ? Token
            : path.StartsWith("/v4/", StringComparison.Ordinal) ? TencentSent
            : OpenImSent;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}
