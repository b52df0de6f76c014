using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gateway.Sandbox.TencentIm;

/// <summary>
/// An offline Tencent Cloud IM REST server (v4) on loopback: the same URL scheme and query parameters, real UserSig
/// verification, sendmsg, batchsendmsg, send_group_msg, admin_msgwithdraw and group_msg_recall with the server's
/// validation and error codes (always HTTP 200 with <c>ActionStatus</c>/<c>ErrorCode</c>), an account and group
/// directory, quotas, the dedup windows, MsgKey/MsgSeq issuing and recall state. Every request is in
/// <see cref="SandboxServer.Requests"/>; <see cref="SandboxServer.Faults"/> and <see cref="FailNext"/> inject failures.
/// </summary>
/// <remarks>
/// The quotas are counted "Tencent's way: per API, per second" in ALIGNED windows of <see cref="TencentImEmulatorOptions.TimeProvider"/>'s
/// clock: second <c>k</c> is <c>[k, k+1)</c>, and likewise the per-group messages per second and the batch recipients per
/// aligned minute. The emulator counts aligned windows, as our limiter assumes Tencent does; Tencent does not document
/// its counting. (A sliding window would report overruns of a limiter that keeps every aligned second under the quota:
/// the end of second <c>k</c> and the start of <c>k+1</c> may together hold up to twice the limit.)
/// </remarks>
public sealed partial class TencentImEmulator : SandboxServer
{
    /// <summary>The one-to-one send API path.</summary>
    public const string SendMsgPath = "/v4/openim/sendmsg";

    /// <summary>The one-to-one batch send API path.</summary>
    public const string BatchSendMsgPath = "/v4/openim/batchsendmsg";

    /// <summary>The group send API path.</summary>
    public const string SendGroupMsgPath = "/v4/group_open_http_svc/send_group_msg";

    /// <summary>The one-to-one recall API path.</summary>
    public const string AdminMsgWithdrawPath = "/v4/openim/admin_msgwithdraw";

    /// <summary>The group recall API path.</summary>
    public const string GroupMsgRecallPath = "/v4/group_open_http_svc/group_msg_recall";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, AlignedWindowCounter> _apiRates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlignedWindowCounter> _groupRates = new(StringComparer.Ordinal);
    private readonly AlignedWindowCounter _batchRecipients = new(TimeSpan.FromMinutes(1));
    private readonly List<TencentImStoredMessage> _messages = [];
    private readonly Dictionary<(string From, uint Seq, uint Random, uint Crc), (long At, string MsgKey, long MsgTime)> _c2cDedup = [];
    private readonly Dictionary<(string Group, uint Random, uint Crc), (long At, ulong MsgSeq, long MsgTime)> _groupDedup = [];
    private readonly Dictionary<string, ulong> _groupSeq = new(StringComparer.Ordinal);
    private long _msgKeyCounter;
    private long _userSigCutoff = long.MinValue;
    private int _rateLimitRejections;
    private int _duplicatesDropped;

    /// <summary>Initializes a new instance of the <see cref="TencentImEmulator"/> class.</summary>
    /// <param name="options">The settings; the defaults need no configuration.</param>
    public TencentImEmulator(TencentImEmulatorOptions? options = null) => Options = options ?? new TencentImEmulatorOptions();

    /// <summary>Gets the settings. Change the directory and limits before sending traffic.</summary>
    public TencentImEmulatorOptions Options { get; }

    /// <summary>Gets every message accepted so far, in order (one entry per recipient for one-to-one messages).</summary>
    public IReadOnlyList<TencentImStoredMessage> Messages
    {
        get
        {
            lock (_lock)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Gets how many requests were refused for a quota (60007, 60011, 10023).</summary>
    public int RateLimitRejections => Volatile.Read(ref _rateLimitRejections);

    /// <summary>Gets how many sends were answered as duplicates (dedup key seen within its window) without delivering again.</summary>
    public int DuplicatesDropped => Volatile.Read(ref _duplicatesDropped);

    /// <summary>Generates a valid UserSig for this app with the emulator's clock.</summary>
    /// <param name="identifier">The identifier; defaults to the first admin.</param>
    /// <param name="expire">The validity; defaults to one day.</param>
    /// <returns>The UserSig.</returns>
    public string GenerateUserSig(string? identifier = null, TimeSpan? expire = null) =>
        TencentUserSig.Generate(Options.SdkAppId, identifier ?? DefaultAdmin, Options.SecretKey, Options.TimeProvider.GetUtcNow(), expire ?? TimeSpan.FromDays(1));

    /// <summary>Builds a signed request URL for an API path, as a Tencent REST client would.</summary>
    /// <param name="path">The API path, for example <see cref="SendMsgPath"/>.</param>
    /// <param name="userSig">The UserSig; defaults to a fresh valid one.</param>
    /// <param name="identifier">The identifier; defaults to the first admin.</param>
    /// <returns>The absolute URL.</returns>
    public Uri BuildUrl(string path, string? userSig = null, string? identifier = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        identifier ??= DefaultAdmin;
        userSig ??= GenerateUserSig(identifier);
        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"sdkappid={Options.SdkAppId}&identifier={Uri.EscapeDataString(identifier)}&usersig={userSig}&random={Random.Shared.NextInt64(0, 4_294_967_296)}&contenttype=json");
        return new Uri(BaseAddress, path.TrimStart('/') + "?" + query);
    }

    /// <summary>Answers the next matching request(s) with an error envelope (HTTP 200, <c>ActionStatus</c> FAIL) without running the API.</summary>
    /// <param name="errorCode">The Tencent error code.</param>
    /// <param name="path">Only requests to this path; <see langword="null"/> matches any.</param>
    /// <param name="times">How many consecutive matching requests get it.</param>
    /// <param name="errorInfo">The <c>ErrorInfo</c> text.</param>
    public void FailNext(int errorCode, string? path = null, int times = 1, string? errorInfo = null)
    {
        var body = new JsonObject
        {
            ["ActionStatus"] = "FAIL",
            ["ErrorCode"] = errorCode,
            ["ErrorInfo"] = errorInfo ?? $"injected error {errorCode}",
        };
        Faults.Enqueue(Fault.Respond(200, body.ToJsonString()), path, times);
    }

    /// <summary>Answers the next matching request(s) with a literal JSON body (HTTP 200), for example an answer without <c>ErrorList</c>.</summary>
    /// <param name="json">The body.</param>
    /// <param name="path">Only requests to this path; <see langword="null"/> matches any.</param>
    /// <param name="times">How many consecutive matching requests get it.</param>
    public void RespondNext(string json, string? path = null, int times = 1) => Faults.Enqueue(Fault.Respond(200, json), path, times);

    /// <summary>Invalidates every UserSig generated up to now (later calls with them get 70052), as resetting the key does.</summary>
    public void InvalidateUserSigs()
    {
        lock (_lock)
        {
            _userSigCutoff = Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        }
    }

    /// <inheritdoc />
    protected override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/v4/{service}/{command}", HandleAsync);
        endpoints.MapFallback(context => WriteAsync(context, Fail(TencentImErrorCodes.BadUrl, "unknown resource or URL")));
    }

    private string DefaultAdmin => Options.AdminIdentifiers.FirstOrDefault() ?? "administrator";

    private static JsonObject Ok() => new() { ["ActionStatus"] = "OK", ["ErrorCode"] = 0, ["ErrorInfo"] = string.Empty };

    private static JsonObject Fail(int code, string info) => new() { ["ActionStatus"] = "FAIL", ["ErrorCode"] = code, ["ErrorInfo"] = info };

    private static async Task WriteAsync(HttpContext context, JsonObject body)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private async Task HandleAsync(HttpContext context)
    {
        string text;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var api = $"{context.GetRouteValue("service")}/{context.GetRouteValue("command")}";
        await WriteAsync(context, Handle(api, context.Request.Query, text));
    }

    private JsonObject Handle(string api, IQueryCollection query, string text)
    {
        var (authError, admin) = Authenticate(query);
        if (authError is not null)
        {
            return authError;
        }

        if (api is not ("openim/sendmsg" or "openim/batchsendmsg" or "group_open_http_svc/send_group_msg" or "openim/admin_msgwithdraw" or "group_open_http_svc/group_msg_recall"))
        {
            return Fail(TencentImErrorCodes.BadUrl, $"unknown API v4/{api}");
        }

        var isGroup = api.StartsWith("group_open_http_svc/", StringComparison.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return Fail(isGroup ? TencentImErrorCodes.GroupBadParameters : TencentImErrorCodes.BodyNotJson, "the body is not valid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Fail(isGroup ? TencentImErrorCodes.GroupBadParameters : TencentImErrorCodes.BodyNotJson, "the body must be a JSON object");
            }

            lock (_lock)
            {
                if (Options.RequestsPerSecond > 0 && !TryCount(_apiRates, api, TimeSpan.FromSeconds(1), 1, Options.RequestsPerSecond))
                {
                    _rateLimitRejections++;
                    return Fail(TencentImErrorCodes.RequestRateExceeded, $"REST API v4/{api} called more than {Options.RequestsPerSecond} times per second");
                }

                var request = document.RootElement;
                return api switch
                {
                    "openim/sendmsg" => SendMsg(request, text, admin),
                    "openim/batchsendmsg" => BatchSendMsg(request, text, admin),
                    "group_open_http_svc/send_group_msg" => SendGroupMsg(request, text, admin),
                    "openim/admin_msgwithdraw" => AdminMsgWithdraw(request),
                    _ => GroupMsgRecall(request),
                };
            }
        }
    }

    private (JsonObject? Error, string Admin) Authenticate(IQueryCollection query)
    {
        var sdkAppIdText = query["sdkappid"].ToString();
        if (string.IsNullOrEmpty(sdkAppIdText))
        {
            return (Fail(TencentImErrorCodes.SdkAppIdMissing, "sdkappid is missing in the URL"), string.Empty);
        }

        if (!long.TryParse(sdkAppIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var sdkAppId))
        {
            return (Fail(TencentImErrorCodes.SdkAppIdInvalid, "sdkappid is invalid"), string.Empty);
        }

        if (sdkAppId != Options.SdkAppId)
        {
            return (Fail(TencentImErrorCodes.SdkAppIdNotFound, "sdkappid not found in this data centre"), string.Empty);
        }

        if (query["contenttype"].ToString() != "json"
            || !uint.TryParse(query["random"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return (Fail(TencentImErrorCodes.BadUrl, "random (a uint32) and contenttype=json are required in the URL"), string.Empty);
        }

        var identifier = query["identifier"].ToString();
        if (string.IsNullOrEmpty(identifier))
        {
            return (Fail(TencentImErrorCodes.IdentifierInvalid, "identifier is missing in the URL"), string.Empty);
        }

        var now = Options.TimeProvider.GetUtcNow();
        var check = TencentUserSig.Verify(query["usersig"].ToString(), sdkAppId, identifier, Options.SecretKey, now, out var document);
        var error = check switch
        {
            UserSigCheck.Valid => null,
            UserSigCheck.Empty => Fail(TencentImErrorCodes.UserSigEmpty, "usersig is empty"),
            UserSigCheck.Truncated => Fail(TencentImErrorCodes.UserSigTruncated, "usersig is truncated"),
            UserSigCheck.Malformed => Fail(TencentImErrorCodes.UserSigMalformed, "usersig check failed"),
            UserSigCheck.SdkAppIdMismatch => Fail(TencentImErrorCodes.UserSigSdkAppIdMismatch, "sdkappid does not match the usersig"),
            UserSigCheck.IdentifierMismatch => Fail(TencentImErrorCodes.UserSigIdentifierMismatch, "identifier does not match the usersig"),
            UserSigCheck.Expired => Fail(TencentImErrorCodes.UserSigExpired, "usersig expired"),
            _ => Fail(TencentImErrorCodes.UserSigBadSignature, "usersig signature verification failed"),
        };
        if (error is not null)
        {
            return (error, identifier);
        }

        lock (_lock)
        {
            if (document!.Time <= _userSigCutoff)
            {
                return (Fail(TencentImErrorCodes.UserSigInvalidated, "usersig invalidated"), identifier);
            }
        }

        if (!Options.AdminIdentifiers.Contains(identifier))
        {
            return (Fail(TencentImErrorCodes.AdminRequired, "identifier must be an App admin account"), identifier);
        }

        return (null, identifier);
    }

    private bool TryCount(Dictionary<string, AlignedWindowCounter> counters, string key, TimeSpan window, int weight, int limit)
    {
        if (!counters.TryGetValue(key, out var counter))
        {
            counter = new AlignedWindowCounter(window);
            counters[key] = counter;
        }

        return counter.TryAdd(Options.TimeProvider.GetUtcNow(), weight, limit);
    }

    private bool AccountExists(string account) =>
        !Options.RequireKnownAccounts || Options.Accounts.Contains(account) || Options.AdminIdentifiers.Contains(account);

    private bool GroupExists(string group) => !Options.RequireKnownGroups || Options.Groups.Contains(group);

    private long NowSeconds => Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();

    private long NowTimestamp => Options.TimeProvider.GetTimestamp();

    private bool WithinWindow(long at, TimeSpan window) =>
        NowTimestamp - at < (long)(window.TotalSeconds * Options.TimeProvider.TimestampFrequency);
}
