using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Gateway.TencentIm.Dtos;

namespace Gateway.TencentIm.Http;

/// <summary>
/// What the typed client tells the handlers and the pipeline about one Tencent request, and what the innermost handler
/// tells back: the API (its quota and its name in logs), what an attempt costs against the quotas (batch recipients,
/// the group), how to parse the answer, whether the UserSig was already renewed for it, and the parsed answer of the
/// last attempt. One request object serves every attempt, so its body is byte-identical on each.
/// </summary>
internal static class TencentImRequest
{
    private static readonly HttpRequestOptionsKey<TencentImApi> ApiKey = new("TencentIm.Api");
    private static readonly HttpRequestOptionsKey<int> RecipientsKey = new("TencentIm.Recipients");
    private static readonly HttpRequestOptionsKey<string> GroupKey = new("TencentIm.GroupId");
    private static readonly HttpRequestOptionsKey<Func<byte[], int, ITencentImResponse?>> ParserKey = new("TencentIm.Parser");
    private static readonly HttpRequestOptionsKey<TencentImAnswer> AnswerKey = new("TencentIm.Answer");
    private static readonly HttpRequestOptionsKey<bool> RenewedKey = new("TencentIm.UserSigRenewed");

    /// <summary>Describes a request: its API, its cost against the quotas and its answer type.</summary>
    /// <typeparam name="TResponse">The answer's DTO.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="api">The API.</param>
    /// <param name="answerType">How to parse the answer.</param>
    /// <param name="recipients">The batchsendmsg recipients of the call (permits against the per-minute quota); 0 for other APIs.</param>
    /// <param name="groupId">The group whose per-group quota the call uses (send_group_msg only).</param>
    public static void Describe<TResponse>(HttpRequestMessage request, TencentImApi api, JsonTypeInfo<TResponse> answerType, int recipients = 0, string? groupId = null)
        where TResponse : class, ITencentImResponse
    {
        request.Options.Set(ApiKey, api);
        request.Options.Set(RecipientsKey, recipients);
        if (groupId is not null)
        {
            request.Options.Set(GroupKey, groupId);
        }

        request.Options.Set(ParserKey, Parsers<TResponse>.For(answerType));
    }

    public static TencentImApi? ApiOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(ApiKey, out var api) ? api : null;

    public static int RecipientsOf(HttpRequestMessage request) => request.Options.TryGetValue(RecipientsKey, out var count) ? count : 0;

    public static string? GroupOf(HttpRequestMessage request) => request.Options.TryGetValue(GroupKey, out var group) ? group : null;

    public static ITencentImResponse? Parse(HttpRequestMessage request, byte[] body, int length) =>
        length == 0 || !request.Options.TryGetValue(ParserKey, out var parse) ? null : parse(body, length);

    public static void SetAnswer(HttpRequestMessage request, TencentImAnswer answer) => request.Options.Set(AnswerKey, answer);

    public static TencentImAnswer? AnswerOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(AnswerKey, out var answer) ? answer : null;

    /// <summary>Marks the request's UserSig as renewed; returns <see langword="false"/> when it already was (renew and replay happen once per call).</summary>
    public static bool TryMarkUserSigRenewed(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(RenewedKey, out var renewed) && renewed)
        {
            return false;
        }

        request.Options.Set(RenewedKey, true);
        return true;
    }

    /// <summary>One parser per answer type, made once.</summary>
    private static class Parsers<TResponse>
        where TResponse : class, ITencentImResponse
    {
        private static Func<byte[], int, ITencentImResponse?>? _parser;

        public static Func<byte[], int, ITencentImResponse?> For(JsonTypeInfo<TResponse> typeInfo) =>
            _parser ??= (body, length) =>
            {
                try
                {
                    var answer = JsonSerializer.Deserialize(body.AsSpan(0, length), typeInfo);

                    // JSON, but not Tencent's when it has no envelope field at all (a proxy's JSON error page).
                    return answer is null || (answer.ActionStatus is null && answer.ErrorCode == 0 && answer.ErrorInfo is null) ? null : answer;
                }
                catch (JsonException)
                {
                    // Not JSON (a proxy's HTML page): the HTTP status decides.
                    return null;
                }
            };
    }
}
