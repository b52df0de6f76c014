using Gateway.OpenIm.Dtos;

namespace Gateway.OpenIm.Http;

/// <summary>One OpenIM answer, parsed once by the innermost handler: the HTTP status, the JSON envelope (if the body was one) and <c>Retry-After</c>.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Envelope">The parsed answer (its runtime type is the call's <c>OpenImResponse&lt;TData&gt;</c>), or <see langword="null"/> when the body was empty or not an OpenIM envelope.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> wait, if given.</param>
internal sealed record OpenImAnswer(int Status, IOpenImEnvelope? Envelope, TimeSpan? RetryAfter)
{
    /// <summary>Gets a value indicating whether the call succeeded (HTTP 2xx and errCode 0).</summary>
    public bool IsSuccess => Status is >= 200 and < 300 && Envelope?.ErrCode == 0;
}
