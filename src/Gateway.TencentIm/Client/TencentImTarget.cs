using Gateway.TencentIm.Internal;

namespace Gateway.TencentIm.Client;

/// <summary>Which instance a call of the typed client is for: its name (which selects its pipeline and UserSig) and its options.</summary>
internal sealed record TencentImTarget
{
    public TencentImTarget(string instance, TencentImOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Instance = instance;
        Options = options;
        BaseUri = TencentImDomains.BaseAddress(options);
    }

    public string Instance { get; }

    public TencentImOptions Options { get; }

    /// <summary>Gets the base address with a trailing slash: <c>BaseUrl</c> when set (a proxy path prefix is kept), else the region's domain.</summary>
    public Uri BaseUri { get; }

    /// <summary>Gets the least wait after a rate-limit answer, for the <c>RetryAfter</c> of the exceptions.</summary>
    public TimeSpan RateLimitedDelay => Options.Resilience.Retry.RateLimitedDelay;
}
