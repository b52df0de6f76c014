using Gateway.TencentIm.Dtos;

namespace Gateway.TencentIm.Http;

/// <summary>
/// One Tencent answer, parsed once by the innermost handler: the HTTP status, the JSON answer (if the body was one),
/// <c>Retry-After</c>, and <c>ErrorInfo</c> with the secret key and UserSigs removed (the only form that may leave the
/// adapter). The outcome is decided on <c>ErrorCode</c> (reference §2), not on <c>ActionStatus</c>.
/// </summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Envelope">The parsed answer (its runtime type is the call's response DTO), or <see langword="null"/> when the body was empty or not a Tencent answer.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> wait, if given.</param>
/// <param name="ErrorInfo">The redacted <c>ErrorInfo</c>; empty when there is none.</param>
internal sealed record TencentImAnswer(int Status, ITencentImResponse? Envelope, TimeSpan? RetryAfter, string ErrorInfo)
{
    /// <summary>Gets Tencent's <c>ErrorCode</c>, or <see langword="null"/> without a Tencent answer.</summary>
    public int? Code => Envelope?.ErrorCode;

    /// <summary>Gets a value indicating whether the call succeeded: HTTP 2xx and <c>ErrorCode</c> 0.</summary>
    public bool IsSuccess => Status is >= 200 and < 300 && Envelope is { ErrorCode: 0 };
}
