namespace Gateway.Host.Rendering;

/// <summary>One HTTP request an adapter made, as it would have gone over the wire.</summary>
internal sealed record CapturedRequest(string Method, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body);
