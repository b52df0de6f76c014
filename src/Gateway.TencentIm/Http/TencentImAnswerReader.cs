using Gateway.Core.Http;

namespace Gateway.TencentIm.Http;

/// <summary>
/// Reads a Tencent answer whatever its HTTP status, with a size bound, parses it once with the parser the client named
/// for the request, and stores it in the request's options for the pipeline and the client.
/// </summary>
internal static class TencentImAnswerReader
{
    /// <summary>The largest answer read; Tencent's are a few hundred bytes.</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    /// <summary>The first buffer when the length is not announced.</summary>
    private const int ExpectedBytes = 1024;

    public static async Task<TencentImAnswer> ReadAsync(HttpResponseMessage response, Func<string?, string> redact, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var envelope = await ProviderAnswers.ReadAsync(response, MaxResponseBytes, ExpectedBytes, TencentImRequest.Parse, cancellationToken).ConfigureAwait(false);
        var answer = new TencentImAnswer((int)response.StatusCode, envelope, ProviderAnswers.RetryAfter(response, timeProvider), redact(envelope?.ErrorInfo));
        TencentImRequest.SetAnswer(response.RequestMessage!, answer);
        return answer;
    }
}
