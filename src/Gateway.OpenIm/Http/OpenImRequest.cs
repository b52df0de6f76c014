using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.OpenIm.Dtos;

namespace Gateway.OpenIm.Http;

/// <summary>
/// What the typed client tells the handlers about one OpenIM request, and what the innermost handler tells back: the
/// operationID (the v3 header; v2 carries it in the body), whether the admin token is attached, how to parse the answer,
/// and the parsed answer of the last attempt.
/// </summary>
internal static class OpenImRequest
{
    // One option entry per request (the gateway's route and the resilience handler's context are the others), so the
    // request's option dictionary never grows past its first size.
    private static readonly HttpRequestOptionsKey<Exchange> ExchangeKey = new("OpenIm.Exchange");

    public static void Describe<TData>(HttpRequestMessage request, string operationId, bool anonymous, JsonTypeInfo<OpenImResponse<TData>> answerType)
        where TData : class =>
        request.Options.Set(ExchangeKey, new Exchange { OperationId = operationId, Anonymous = anonymous, Parser = Parsers<TData>.For(answerType) });

    public static string OperationId(HttpRequestMessage request) =>
        ExchangeOf(request)?.OperationId ?? throw new InvalidOperationException("OpenIM requests carry their operationID.");

    /// <summary>Gives the request a new operationID (same prefix) for a new attempt of the same call, and returns it.</summary>
    public static string RenewOperationId(HttpRequestMessage request)
    {
        var exchange = ExchangeOf(request) ?? throw new InvalidOperationException("OpenIM requests carry their operationID.");
        exchange.OperationId = OperationIds.Renew(exchange.OperationId!);
        return exchange.OperationId;
    }

    public static bool IsAnonymous(HttpRequestMessage request) => ExchangeOf(request)?.Anonymous == true;

    public static IOpenImEnvelope? Parse(HttpRequestMessage request, byte[] body, int length) =>
        length == 0 || ExchangeOf(request)?.Parser is not { } parse ? null : parse(body, length);

    public static void SetAnswer(HttpRequestMessage request, OpenImAnswer answer)
    {
        if (ExchangeOf(request) is { } exchange)
        {
            exchange.Answer = answer;
        }
        else
        {
            request.Options.Set(ExchangeKey, new Exchange { Answer = answer });
        }
    }

    public static OpenImAnswer? AnswerOf(HttpRequestMessage? request) => request is null ? null : ExchangeOf(request)?.Answer;

    private static Exchange? ExchangeOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(ExchangeKey, out var exchange) ? exchange : null;

    /// <summary>What the client and the handlers know about one request: set by the client, the answer by the innermost handler.</summary>
    private sealed class Exchange
    {
        public string? OperationId { get; set; }

        public bool Anonymous { get; init; }

        public Func<byte[], int, IOpenImEnvelope?>? Parser { get; init; }

        public OpenImAnswer? Answer { get; set; }
    }

    /// <summary>One parser per answer type, made once.</summary>
    private static class Parsers<TData>
        where TData : class
    {
        private static Func<byte[], int, IOpenImEnvelope?>? _parser;

        public static Func<byte[], int, IOpenImEnvelope?> For(JsonTypeInfo<OpenImResponse<TData>> typeInfo) =>
            _parser ??= Create((JsonTypeInfo<TData>)typeInfo.Options.GetTypeInfo(typeof(TData)));

        private static Func<byte[], int, IOpenImEnvelope?> Create(JsonTypeInfo<TData> dataType) =>
            (body, length) =>
            {
                try
                {
                    return OpenImEnvelopeReader.Read(body.AsSpan(0, length), dataType);
                }
                catch (JsonException)
                {
                    // Not an OpenIM envelope (a proxy page, gin's plain-text 404): the HTTP status decides.
                    return null;
                }
            };
    }
}
