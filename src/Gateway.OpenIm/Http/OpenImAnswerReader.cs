using Gateway.Core.Http;

namespace Gateway.OpenIm.Http;

/// <summary>
/// Reads an OpenIM answer whatever its HTTP status (OpenIM puts its error envelope in 200 and 400 bodies alike), with
/// a size bound, parses it once with the parser the client named for the request, and stores it in the request's
/// options for the pipeline and the client.
/// </summary>
internal static class OpenImAnswerReader
{
    /// <summary>The first buffer when the length is not announced; OpenIM's answers are a few hundred bytes.</summary>
    private const int ExpectedBytes = 4096;

    public static async ValueTask<OpenImAnswer> ReadAsync(HttpResponseMessage response, int maxBytes, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var envelope = await ProviderAnswers.ReadAsync(response, maxBytes, ExpectedBytes, OpenImRequest.Parse, cancellationToken, nameof(OpenImOptions.MaxResponseBytes)).ConfigureAwait(false);
        // Retry-After only matters on a failure; a success does not pay for the header lookup.
        var answer = new OpenImAnswer((int)response.StatusCode, envelope, response.IsSuccessStatusCode ? null : ProviderAnswers.RetryAfter(response, timeProvider));
        OpenImRequest.SetAnswer(response.RequestMessage!, answer);
        return answer;
    }
}
