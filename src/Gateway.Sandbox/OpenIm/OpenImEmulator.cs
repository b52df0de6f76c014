using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Sandbox.Hosting;
using Gateway.Sandbox.OpenIm.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Sandbox.OpenIm;

/// <summary>
/// An OpenIM server on loopback for tests and demos: token issue and checks (real HS256 JWTs), <c>send_msg</c>,
/// <c>batch_send_msg</c> (v3) and <c>manager/send_msg</c> (v2.0.8) with the server's binding, content and session
/// rules and error codes, a directory of users and groups, a store of accepted <see cref="Messages"/>, and failure
/// injection on top of <see cref="SandboxServer.Faults"/>. Create it, <c>await StartAsync()</c>, point the client at
/// <see cref="SandboxServer.BaseAddress"/>.
/// </summary>
public sealed partial class OpenImEmulator : SandboxServer
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _lock = new();
    private readonly Dictionary<string, TokenRecord> _tokens = new(StringComparer.Ordinal);
    private readonly List<OpenImEmulatedMessage> _messages = [];
    private readonly HashSet<string> _revoked = new(StringComparer.Ordinal);
    private int _tokensIssued;

    /// <summary>Initializes a new instance of the <see cref="OpenImEmulator"/> class.</summary>
    /// <param name="options">The settings; <see langword="null"/> for the zero-configuration defaults.</param>
    public OpenImEmulator(OpenImEmulatorOptions? options = null)
    {
        Options = options ?? new OpenImEmulatorOptions();
    }

    /// <summary>Gets the settings.</summary>
    public OpenImEmulatorOptions Options { get; }

    /// <summary>Gets the server generation emulated.</summary>
    public OpenImServerGeneration Generation => Options.Generation;

    /// <summary>Gets the secret in effect.</summary>
    public string Secret => Options.Secret ?? (Generation == OpenImServerGeneration.V2 ? OpenImEmulatorOptions.DefaultV2Secret : OpenImEmulatorOptions.DefaultV3Secret);

    /// <summary>Gets the admin user ids in effect.</summary>
    public IReadOnlyList<string> AdminUserIds => Options.AdminUserIds is { } ids
        ? [.. ids]
        : Generation == OpenImServerGeneration.V2 ? ["openIM123456", "openIM654321", "openIM333", "openIMAdmin"] : ["imAdmin"];

    /// <summary>Gets a snapshot of the messages accepted so far (one entry per recipient).</summary>
    public IReadOnlyList<OpenImEmulatedMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Gets how many tokens the emulator has issued.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    private DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    private TimeSpan TokenLifetime => Options.TokenLifetime ?? (Generation == OpenImServerGeneration.V2 ? TimeSpan.FromDays(3650) : TimeSpan.FromDays(90));

    /// <summary>Gets whether a v2 revoke (contentType 111) recalled a message.</summary>
    /// <param name="clientMsgId">The message's clientMsgID.</param>
    /// <returns><see langword="true"/> when revoked.</returns>
    public bool IsRevoked(string clientMsgId)
    {
        lock (_lock)
        {
            return _revoked.Contains(clientMsgId);
        }
    }

    /// <summary>Issues a token directly (for example a non-admin user's, to exercise the admin check).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="platformId">The platform (10 = admin on v3).</param>
    /// <returns>The token.</returns>
    public string IssueToken(string userId, int platformId = 10) => Issue(userId, platformId).Token;

    /// <summary>Makes every token issued so far expired (v3: 1501; v2: "parse token failed").</summary>
    public void ExpireTokens() => MarkTokens(t => t.ForcedExpired = true);

    /// <summary>Marks every token issued so far kicked (v3: 1506). The real v3.8.1–v3.8.3 cannot kick admin tokens.</summary>
    public void KickTokens() => MarkTokens(t => t.Kicked = true);

    /// <summary>Drops every token issued so far from the token cache, as after a lost cache (v3: 1507).</summary>
    public void ForgetTokens() => MarkTokens(t => t.Forgotten = true);

    /// <summary>
    /// Answers the next request(s) to <paramref name="path"/> with an error envelope instead of handling them
    /// (v3 <c>{errCode, errMsg, errDlt}</c>, v2 <c>{errCode, errMsg}</c>).
    /// </summary>
    /// <param name="path">The route, for example <see cref="OpenImRoutes.SendMsg"/>; <see langword="null"/> for any.</param>
    /// <param name="errCode">The errCode.</param>
    /// <param name="errMsg">The errMsg.</param>
    /// <param name="errDlt">The errDlt (v3).</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="times">How many consecutive matching requests get it.</param>
    public void FailNext(string? path, int errCode, string errMsg, string errDlt = "", int status = 200, int times = 1)
    {
        var body = Generation == OpenImServerGeneration.V2
            ? new JsonObject { ["errCode"] = errCode, ["errMsg"] = errMsg }
            : Envelope(errCode, errMsg, errDlt);
        Faults.Enqueue(Fault.Respond(status, body.ToJsonString(Relaxed)), path, times);
    }

    /// <summary>Answers like main's API rate limiter: HTTP 429, errCode 429, <c>Retry-After</c> and <c>X-RateLimit-*</c> headers.</summary>
    /// <param name="retryAfter">The wait announced (whole seconds, at least 1).</param>
    /// <param name="path">The route; <see langword="null"/> for any.</param>
    /// <param name="times">How many consecutive matching requests get it.</param>
    public void RespondRateLimited(TimeSpan retryAfter, string? path = null, int times = 1)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>
        {
            ["Retry-After"] = seconds,
            ["X-RateLimit-Limit"] = "1",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = seconds,
        };
        Faults.Enqueue(Fault.Respond(429, Envelope(429, "too many requests, please try again later", string.Empty).ToJsonString(Relaxed), headers), path, times);
    }

    /// <summary>Answers like a handler panic: HTTP 500 with an empty body.</summary>
    /// <param name="path">The route; <see langword="null"/> for any.</param>
    /// <param name="times">How many consecutive matching requests get it.</param>
    public void RespondPanic(string? path = null, int times = 1) => Faults.Enqueue(Fault.Respond(500), path, times);

    /// <inheritdoc />
    protected override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.Map("{**path}", HandleAsync);

    private static JsonObject Envelope(int errCode, string errMsg, string errDlt, JsonObject? data = null)
    {
        var envelope = new JsonObject { ["errCode"] = errCode, ["errMsg"] = errMsg, ["errDlt"] = errDlt };
        if (data is not null)
        {
            envelope["data"] = data;
        }

        return envelope;
    }

    private static Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(Relaxed), context.RequestAborted);
    }

    private static Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = 404;
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync("404 page not found", context.RequestAborted);
    }

    private static string NewMsgId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Go's <c>json.Marshal</c> of a <c>map[string]any</c>: keys sorted.</summary>
    private static string GoMarshal(JsonNode? node) => Sorted(node)?.ToJsonString(Relaxed) ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };

    private async Task HandleAsync(HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        if (Generation == OpenImServerGeneration.V2)
        {
            await HandleV2Async(context, body);
        }
        else
        {
            await HandleV3Async(context, body);
        }
    }

    private (string Token, TokenRecord Record) Issue(string userId, int platformId)
    {
        var now = Now;
        var token = JwtTokens.Create(Secret, userId, platformId, now, now + TokenLifetime);
        var record = new TokenRecord(userId, platformId, now);
        lock (_lock)
        {
            if (Options.EvictOlderAdminTokens && Generation == OpenImServerGeneration.V3 && IsAdmin(userId))
            {
                foreach (var older in _tokens.Values.Where(t => t.UserId == userId && t.EvictAt is null))
                {
                    older.EvictAt = now + Options.AdminTokenEvictionDelay;
                }
            }

            _tokens[token] = record;
        }

        Interlocked.Increment(ref _tokensIssued);
        return (token, record);
    }

    private void MarkTokens(Action<TokenRecord> mark)
    {
        lock (_lock)
        {
            foreach (var record in _tokens.Values)
            {
                mark(record);
            }
        }
    }

    private TokenRecord? FindToken(string token)
    {
        lock (_lock)
        {
            return _tokens.GetValueOrDefault(token);
        }
    }

    private bool IsAdmin(string userId) => AdminUserIds.Contains(userId, StringComparer.Ordinal);

    private bool UserExists(string userId) =>
        Options.Users is not { } users || users.Contains(userId) || IsAdmin(userId) || Options.NotificationAccounts.Contains(userId);

    private bool IsBlocked(string recipient, string sender) =>
        Options.BlockedSenders.TryGetValue(recipient, out var blocked) && blocked.Contains(sender);

    private bool AreFriends(string a, string b) =>
        (Options.Friends.TryGetValue(a, out var ofA) && ofA.Contains(b)) || (Options.Friends.TryGetValue(b, out var ofB) && ofB.Contains(a));

    private OpenImEmulatedMessage Store(OpenImEmulatedMessage message)
    {
        lock (_lock)
        {
            _messages.Add(message);
            if (message.ContentType == 111)
            {
                _revoked.Add(message.Content);
            }
        }

        return message;
    }
}
