using System.Net.Http.Headers;
using Polly;

namespace Gateway.TencentIm.Http;

/// <summary>
/// One logical call (a send or recall with all its retries): the serialized body, sent byte-identical by every
/// attempt, the unsigned URL, what it costs against the quotas, and the per-call state of the handlers.
/// </summary>
internal sealed class TencentImCall(TencentImApi api, Uri requestUri, byte[] body, int recipients = 0, string? groupId = null)
{
    public static readonly HttpRequestOptionsKey<TencentImCall> OptionsKey = new("MessagingGateway.TencentIm.Call");
    public static readonly ResiliencePropertyKey<TencentImCall> PropertyKey = new("MessagingGateway.TencentIm.Call");

    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    public TencentImApi Api { get; } = api;

    /// <summary>Gets the URL without the signature query.</summary>
    public Uri RequestUri { get; } = requestUri;

    public ReadOnlyMemory<byte> Body { get; } = body;

    /// <summary>Gets the batchsendmsg recipients this call counts against the per-minute quota (0 for other APIs).</summary>
    public int Recipients { get; } = recipients;

    /// <summary>Gets the group whose per-group message quota this call uses (send_group_msg only).</summary>
    public string? GroupId { get; } = groupId;

    /// <summary>Gets or sets a value indicating whether the permits of the next attempt were already taken (the first attempt's are, before the timeouts start).</summary>
    public bool PermitHeld { get; set; }

    /// <summary>Gets or sets a value indicating whether the UserSig was already renewed for this call (renew and replay happen once).</summary>
    public bool UserSigRenewed { get; set; }

    /// <summary>Creates a fresh request for one attempt: same method, URL and body bytes.</summary>
    public HttpRequestMessage CreateRequest()
    {
        var content = new ReadOnlyMemoryContent(Body);
        content.Headers.ContentType = JsonType;
        var request = new HttpRequestMessage(HttpMethod.Post, RequestUri) { Content = content };
        request.Options.Set(OptionsKey, this);
        return request;
    }
}
