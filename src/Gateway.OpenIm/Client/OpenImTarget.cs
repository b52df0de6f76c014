namespace Gateway.OpenIm.Client;

/// <summary>Which instance a call of the typed client is for: its name (which selects its pipeline and token) and its options.</summary>
internal sealed record OpenImTarget
{
    public OpenImTarget(string instance, OpenImOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Instance = instance;
        Options = options;
        var text = options.BaseUrl!.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        BaseUri = new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
    }

    public string Instance { get; }

    public OpenImOptions Options { get; }

    /// <summary>Gets the base URL with a trailing slash, so routes are relative to it (a proxy path prefix is kept).</summary>
    public Uri BaseUri { get; }

    public bool LegacyV2 => Options.ApiVersion == OpenImApiVersion.V2;
}
