using Gateway.TencentIm.Dtos;

namespace Gateway.TencentIm.Http;

/// <summary>A parsed Tencent answer and the HTTP status it came with.</summary>
/// <typeparam name="T">The response DTO.</typeparam>
/// <param name="Response">The answer.</param>
/// <param name="Status">The HTTP status.</param>
internal readonly record struct TencentImAnswer<T>(T Response, int Status)
    where T : ITencentImResponse
{
    /// <summary>Gets a value indicating whether Tencent reported success (<c>ErrorCode</c> 0 and not <c>FAIL</c>).</summary>
    public bool Succeeded => Response.ErrorCode == 0 && !string.Equals(Response.ActionStatus, "FAIL", StringComparison.OrdinalIgnoreCase);
}
