namespace Gateway.OpenIm.Http;

/// <summary>What the client tells the handlers about a request (and what the auth handler tells back).</summary>
internal static class OpenImRequestOptions
{
    /// <summary>The request's operationID (v3: sent as a header by the auth handler; v2: already in the body).</summary>
    public static readonly HttpRequestOptionsKey<string> OperationId = new("OpenIm.OperationId");

    /// <summary>Whether the request needs the admin token (false for the token request itself).</summary>
    public static readonly HttpRequestOptionsKey<bool> Authenticated = new("OpenIm.Authenticated");

    /// <summary>The token the auth handler attached, so a token error can invalidate exactly that token.</summary>
    public static readonly HttpRequestOptionsKey<string> TokenUsed = new("OpenIm.TokenUsed");
}
