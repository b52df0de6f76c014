using System.ComponentModel.DataAnnotations;

namespace Gateway.TencentIm;

/// <summary>
/// Settings of one Tencent Cloud IM provider instance, bound from <c>Gateway:Providers:&lt;name&gt;</c> (with
/// <c>Type</c> = <c>TencentIm</c>) or set in code through <c>AddTencentIm(o =&gt; ...)</c>.
/// </summary>
public sealed class TencentImOptions
{
    /// <summary>The provider type name used in configuration.</summary>
    public const string ProviderType = "TencentIm";

    /// <summary>The instance name used by <c>AddTencentIm(Action&lt;TencentImOptions&gt;)</c>.</summary>
    public const string DefaultName = "tencent";

    /// <summary>Gets or sets the SDKAppID of the app.</summary>
    [Range(1, uint.MaxValue, ErrorMessage = "is required (the app's SDKAppID, 1 to 4294967295)")]
    public long SdkAppId { get; set; }

    /// <summary>Gets or sets the App admin account the REST calls are made as (the URL's <c>identifier</c>).</summary>
    /// <value>The default is <c>administrator</c>.</value>
    [Required(ErrorMessage = "is required (an App admin account)")]
    [MaxLength(32, ErrorMessage = "must be at most 32 characters")]
    public string AdminIdentifier { get; set; } = "administrator";

    /// <summary>Gets or sets the secret key shown in the console; UserSigs are generated from it. Keep it out of files.</summary>
    [Required(ErrorMessage = "is required (the app's secret key; set it from the environment)")]
    public string? SecretKey { get; set; }

    /// <summary>Gets or sets the app's data centre; selects the domain. Set either this or <see cref="BaseUrl"/>.</summary>
    public TencentImRegion? Region { get; set; }

    /// <summary>Gets or sets a value indicating whether the region's backup domain (<c>*.my-imcloud.com</c>) is used.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool UseBackupDomain { get; set; }

    /// <summary>
    /// Gets or sets a custom base URL (for example a proxy, or the sandbox emulator on <c>http://127.0.0.1:port/</c>);
    /// <c>v4/...</c> is appended. Set either this or <see cref="Region"/>.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Gets or sets the validity of the generated UserSig (Tencent recommends at least 24 hours).</summary>
    /// <value>The default is one day.</value>
    public TimeSpan UserSigLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets how long before its expiry the UserSig is regenerated.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan UserSigRefreshSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the budget for the serialized <c>MsgBody</c>, in bytes; larger messages are rejected before sending.</summary>
    /// <value>The default is 8192 (the 8 KB of Tencent's error strings; its newest limits page says 12 KB).</value>
    [Range(256, 12_288, ErrorMessage = "must be between 256 and 12288 bytes")]
    public int MaxBodyBytes { get; set; } = 8192;

    /// <summary>Gets or sets the recipients per batchsendmsg call; larger sends are split into chunks.</summary>
    /// <value>The default is 500, Tencent's maximum.</value>
    [Range(2, 500, ErrorMessage = "must be between 2 and 500 (Tencent's maximum per batchsendmsg call)")]
    public int BatchSize { get; set; } = 500;

    /// <summary>Gets the quotas the gateway throttles itself to (per SDKAppID, shared by instances of the same app).</summary>
    public TencentImQuotaOptions Quotas { get; } = new();

    /// <summary>Gets the retry settings for transient failures and rate-limit answers.</summary>
    public TencentImRetryOptions Retry { get; } = new();

    /// <summary>Gets the timeout and circuit-breaker settings.</summary>
    public TencentImResilienceOptions Resilience { get; } = new();
}
