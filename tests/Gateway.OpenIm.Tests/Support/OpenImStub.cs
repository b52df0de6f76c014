using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Gateway.Testing;

namespace Gateway.OpenIm.Tests.Support;

/// <summary>
/// A scripted OpenIM server for <see cref="StubHandler"/>: token routes issue <c>stub-token-1</c>, <c>stub-token-2</c>, …
/// (unless a token answer is queued), send routes succeed (unless the token is rejected, or a send answer is queued). Queued answers are used
/// once each, in order; an answer may throw to play a transport failure, or wait to play a slow server.
/// </summary>
internal sealed class OpenImStub
{
    private readonly ConcurrentQueue<Func<StubRequest, CancellationToken, ValueTask<HttpResponseMessage>>> _tokens = new();
    private readonly ConcurrentQueue<Func<StubRequest, CancellationToken, ValueTask<HttpResponseMessage>>> _sends = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _rejected = new(StringComparer.Ordinal);
    private int _issued;

    public OpenImStub() => Handler = new StubHandler(RespondAsync);

    public StubHandler Handler { get; }

    /// <summary>Gets how many tokens the stub issued.</summary>
    public int TokensIssued => Volatile.Read(ref _issued);

    public IReadOnlyList<StubRequest> TokenRequests => [.. Handler.Requests.Where(r => IsToken(r.Path))];

    public IReadOnlyList<StubRequest> SendRequests => [.. Handler.Requests.Where(r => !IsToken(r.Path))];

    /// <summary>Gets the answer to a token request that issues <paramref name="token"/>.</summary>
    public static HttpResponseMessage Token(string token, long expireTimeSeconds = 86_400) =>
        StubHandler.Json($$$"""{"errCode":0,"errMsg":"","errDlt":"","data":{"token":"{{{token}}}","expireTimeSeconds":{{{expireTimeSeconds}}}}}""");

    /// <summary>Gets a successful send_msg answer.</summary>
    public static HttpResponseMessage Sent(string clientMsgId = "0123456789abcdef0123456789abcdef", long sendTime = 1_767_225_600_000) =>
        StubHandler.Json($$$"""{"errCode":0,"errMsg":"","errDlt":"","data":{"serverMsgID":"s-{{{clientMsgId}}}","clientMsgID":"{{{clientMsgId}}}","sendTime":{{{sendTime}}}}}""");

    /// <summary>Gets an OpenIM error envelope, optionally with <c>Retry-After</c> in seconds.</summary>
    public static HttpResponseMessage Error(int errCode, string errMsg, string errDlt = "", HttpStatusCode status = HttpStatusCode.OK, TimeSpan? retryAfter = null)
    {
        var response = StubHandler.Json($$"""{"errCode":{{errCode}},"errMsg":"{{errMsg}}","errDlt":"{{errDlt}}"}""", status);
        SetRetryAfter(response, retryAfter);
        return response;
    }

    /// <summary>Gets a bodiless answer, optionally with <c>Retry-After</c> in seconds.</summary>
    public static HttpResponseMessage Status(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
        SetRetryAfter(response, retryAfter);
        return response;
    }

    /// <summary>Gets the exception of a connection that could not be opened (nothing was sent).</summary>
    public static HttpRequestException ConnectionRefused() => new(HttpRequestError.ConnectionError, "Connection refused (openim.test:10002)");

    /// <summary>Queues the answer to the next send request(s).</summary>
    public OpenImStub OnSend(Func<HttpResponseMessage> answer, int times = 1) =>
        Enqueue(_sends, (_, _) => new ValueTask<HttpResponseMessage>(answer()), times);

    /// <summary>Queues an asynchronous answer (a fault, a delay) to the next send request(s).</summary>
    public OpenImStub OnSend(Func<StubRequest, CancellationToken, ValueTask<HttpResponseMessage>> answer, int times = 1) => Enqueue(_sends, answer, times);

    /// <summary>Makes the server reject every call that carries <paramref name="token"/> (errCode 1501), as after its expiry, answering after <paramref name="delay"/>.</summary>
    public OpenImStub Reject(string token, TimeSpan delay = default)
    {
        _rejected[token] = delay;
        return this;
    }

    /// <summary>Queues the answer to the next token request(s).</summary>
    public OpenImStub OnToken(Func<HttpResponseMessage> answer, int times = 1) =>
        Enqueue(_tokens, (_, _) => new ValueTask<HttpResponseMessage>(answer()), times);

    /// <summary>Queues an asynchronous answer to the next token request(s).</summary>
    public OpenImStub OnToken(Func<StubRequest, CancellationToken, ValueTask<HttpResponseMessage>> answer, int times = 1) => Enqueue(_tokens, answer, times);

    private static void SetRetryAfter(HttpResponseMessage response, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static async ValueTask<HttpResponseMessage> RejectAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }

        return Error(1501, "TokenExpiredError");
    }

    private static bool IsToken(string path) => path.Contains("/auth/", StringComparison.Ordinal);

    private OpenImStub Enqueue(
        ConcurrentQueue<Func<StubRequest, CancellationToken, ValueTask<HttpResponseMessage>>> queue,
        Func<StubRequest, CancellationToken, ValueTask<HttpResponseMessage>> answer,
        int times)
    {
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(answer);
        }

        return this;
    }

    private ValueTask<HttpResponseMessage> RespondAsync(StubRequest request, CancellationToken cancellationToken)
    {
        if (IsToken(request.Path))
        {
            if (_tokens.TryDequeue(out var token))
            {
                return token(request, cancellationToken);
            }

            return new ValueTask<HttpResponseMessage>(Token("stub-token-" + Interlocked.Increment(ref _issued).ToString(CultureInfo.InvariantCulture)));
        }

        if (request.Headers.TryGetValue("token", out var carried) && _rejected.TryGetValue(carried, out var delay))
        {
            return RejectAsync(delay, cancellationToken);
        }

        return _sends.TryDequeue(out var send) ? send(request, cancellationToken) : new ValueTask<HttpResponseMessage>(Sent());
    }
}
