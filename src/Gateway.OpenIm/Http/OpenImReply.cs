using Gateway.OpenIm.Dtos;

namespace Gateway.OpenIm.Http;

/// <summary>One OpenIM answer: the HTTP status, the parsed envelope (if the body was one) and the headers that matter.</summary>
/// <typeparam name="TData">The shape of <c>data</c>.</typeparam>
/// <param name="Status">The HTTP status.</param>
/// <param name="Envelope">The JSON envelope, or <see langword="null"/> when the body was empty or not an envelope.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> wait, if given.</param>
/// <param name="TokenUsed">The admin token the request carried, if any.</param>
internal sealed record OpenImReply<TData>(int Status, OpenImResponse<TData>? Envelope, TimeSpan? RetryAfter, string? TokenUsed)
    where TData : class
{
    /// <summary>Gets a value indicating whether the call succeeded (HTTP 2xx and errCode 0).</summary>
    public bool IsSuccess => Status is >= 200 and < 300 && Envelope?.ErrCode == 0;
}
