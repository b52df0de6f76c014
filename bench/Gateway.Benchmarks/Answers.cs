using System.Text;
using Gateway.Testing;

namespace Gateway.Benchmarks;

/// <summary>The providers' success answers, as bytes made once, served by the shared <see cref="StubHandler"/> without recording.</summary>
internal static class Answers
{
    private static readonly byte[] Token = Encoding.UTF8.GetBytes("""{"errCode":0,"errMsg":"","errDlt":"","data":{"token":"bench-token","expireTimeSeconds":7776000}}""");
    private static readonly byte[] OpenImSent = Encoding.UTF8.GetBytes("""{"errCode":0,"errMsg":"","errDlt":"","data":{"serverMsgID":"s","clientMsgID":"c","sendTime":1767225600000}}""");
    private static readonly byte[] TencentSent = Encoding.UTF8.GetBytes("""{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MsgTime":1767225600,"MsgKey":"1_2_3"}""");

    public static StubHandler NoNetwork() => new(static request => StubHandler.Json(
        request.Path.EndsWith("/auth/get_admin_token", StringComparison.Ordinal) ? Token
        : request.Path.StartsWith("/v4/", StringComparison.Ordinal) ? TencentSent
        : OpenImSent))
    {
        Record = false,
    };
}
