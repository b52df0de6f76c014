namespace Gateway.OpenIm.Client;

/// <summary>Which instance a call of the typed client is for: its name (which selects its pipeline and token) and its options.</summary>
internal sealed class OpenImTarget
{
    public OpenImTarget(string instance, OpenImOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Instance = instance;
        Options = options;
        var text = options.BaseUrl!.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        BaseUri = new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> _routes = new(StringComparer.Ordinal);

    public string Instance { get; }

    public OpenImOptions Options { get; }

    /// <summary>Gets the base URL with a trailing slash, so routes are relative to it (a proxy path prefix is kept).</summary>
    public Uri BaseUri { get; }

    public bool LegacyV2 => Options.ApiVersion == OpenImApiVersion.V2;

    /// <summary>Gets the absolute URL of a route, made once per route (a request only reads it).</summary>
    public Uri Route(string path) => _routes.GetOrAdd(path, static (route, baseUri) => new Uri(baseUri, route), BaseUri);
}
