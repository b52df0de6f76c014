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
    private static readonly HttpRequestOptionsKey<string> OperationIdKey = new("OpenIm.OperationId");
    private static readonly HttpRequestOptionsKey<bool> AnonymousKey = new("OpenIm.Anonymous");
    private static readonly HttpRequestOptionsKey<Func<byte[], int, IOpenImEnvelope?>> ParserKey = new("OpenIm.Parser");
    private static readonly HttpRequestOptionsKey<OpenImAnswer> AnswerKey = new("OpenIm.Answer");

    public static void Describe<TData>(HttpRequestMessage request, string operationId, bool anonymous, JsonTypeInfo<OpenImResponse<TData>> answerType)
        where TData : class
    {
        request.Options.Set(OperationIdKey, operationId);
        request.Options.Set(AnonymousKey, anonymous);
        request.Options.Set(ParserKey, Parsers<TData>.For(answerType));
    }

    public static string OperationId(HttpRequestMessage request) =>
        request.Options.TryGetValue(OperationIdKey, out var id) ? id : throw new InvalidOperationException("OpenIM requests carry their operationID.");

    /// <summary>Gives the request a new operationID (same prefix) for a new attempt of the same call, and returns it.</summary>
    public static string RenewOperationId(HttpRequestMessage request)
    {
        var renewed = OperationIds.Renew(OperationId(request));
        request.Options.Set(OperationIdKey, renewed);
        return renewed;
    }

    public static bool IsAnonymous(HttpRequestMessage request) => request.Options.TryGetValue(AnonymousKey, out var anonymous) && anonymous;

    public static IOpenImEnvelope? Parse(HttpRequestMessage request, byte[] body, int length)
    {
        if (length == 0 || !request.Options.TryGetValue(ParserKey, out var parse))
        {
            return null;
        }

        return parse(body, length);
    }

    public static void SetAnswer(HttpRequestMessage request, OpenImAnswer answer) => request.Options.Set(AnswerKey, answer);

    public static OpenImAnswer? AnswerOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(AnswerKey, out var answer) ? answer : null;

    /// <summary>One parser per answer type, made once.</summary>
    private static class Parsers<TData>
        where TData : class
    {
        private static Func<byte[], int, IOpenImEnvelope?>? _parser;

        public static Func<byte[], int, IOpenImEnvelope?> For(JsonTypeInfo<OpenImResponse<TData>> typeInfo) =>
            _parser ??= (body, length) =>
            {
                try
                {
                    return JsonSerializer.Deserialize(body.AsSpan(0, length), typeInfo);
                }
                catch (JsonException)
                {
                    // Not an OpenIM envelope (a proxy page, gin's plain-text 404): the HTTP status decides.
                    return null;
                }
            };
    }
}
