using System.ComponentModel.DataAnnotations;
using Gateway.Core.Http;
using Microsoft.Extensions.Options;

namespace Gateway.TencentIm;

/// <summary>
/// Settings of one Tencent Cloud IM provider instance (one app): named options, one name per instance, bound from
/// <c>Gateway:Providers:&lt;name&gt;</c> (the keys beside <c>Type: TencentIm</c>) or set in code with
/// <c>AddTencentIm(o =&gt; ...)</c>. Validated at startup; every error names its key.
/// </summary>
public sealed class TencentImOptions
{
    /// <summary>The provider type name used in configuration (<c>Gateway:Providers:&lt;name&gt;:Type</c>).</summary>
    public const string ProviderType = "TencentIm";

    /// <summary>The instance name <c>AddTencentIm(Action&lt;TencentImOptions&gt;)</c> uses.</summary>
    public const string DefaultInstanceName = "tencent";

    /// <summary>Gets or sets the SDKAppID of the app.</summary>
    /// <value>Required; 1 to 4294967295.</value>
    public long SdkAppId { get; set; }

    /// <summary>Gets or sets the App admin account the REST calls are made as (the URL's <c>identifier</c>).</summary>
    /// <value>The default is <c>administrator</c>.</value>
    [Required(ErrorMessage = "{0} is required (an App admin account)")]
    [MaxLength(32, ErrorMessage = "{0} must be at most 32 characters")]
    public string AdminIdentifier { get; set; } = "administrator";

    /// <summary>Gets or sets the secret key shown in the console; UserSigs are generated from it. Never logged; keep it out of files.</summary>
    /// <value>Required.</value>
    [Required(ErrorMessage = "{0} is required (the app's secret key; set it from the environment)")]
    public string? SecretKey { get; set; }

    /// <summary>Gets or sets the app's data centre; selects the domain. <see cref="BaseUrl"/>, when set, wins.</summary>
    /// <value>Required unless <see cref="BaseUrl"/> is set.</value>
    public TencentImRegion? Region { get; set; }

    /// <summary>Gets or sets a value indicating whether the region's backup domain (<c>*.my-imcloud.com</c>) is used.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool UseBackupDomain { get; set; }

    /// <summary>
    /// Gets or sets a custom base URL (a proxy, or the sandbox emulator on <c>http://127.0.0.1:port/</c>); <c>v4/...</c>
    /// is appended. When both this and <see cref="Region"/> are set, this wins, so a later configuration layer can point
    /// an instance elsewhere without removing its region.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the <see cref="Region"/>'s domain over HTTPS.</value>
    public Uri? BaseUrl { get; set; }

    /// <summary>Gets or sets the validity of the generated UserSig (Tencent recommends at least 24 hours).</summary>
    /// <value>The default is one day; 10 minutes to 50 years.</value>
    public TimeSpan UserSigLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Gets or sets how long before its expiry the UserSig is regenerated.</summary>
    /// <value>The default is 5 minutes; positive and at most half of <see cref="UserSigLifetime"/>.</value>
    public TimeSpan UserSigRefreshSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the budget for the serialized <c>MsgBody</c>, in bytes; larger messages are rejected before sending.</summary>
    /// <value>The default is 8192 (the 8 KB of Tencent's error strings; its newest limits page says 12 KB).</value>
    [Range(256, 12_288, ErrorMessage = "{0} must be between {1} and {2} bytes")]
    public int MaxBodyBytes { get; set; } = 8192;

    /// <summary>Gets or sets the recipients per batchsendmsg call; larger sends are split into chunks.</summary>
    /// <value>The default is 500, Tencent's maximum.</value>
    [Range(2, 500, ErrorMessage = "{0} must be between {1} and {2} (Tencent's maximum per batchsendmsg call)")]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Gets the timeouts, retries and circuit breaker of the instance's HTTP pipeline. Unlike OpenIM, Tencent
    /// deduplicates a one-to-one send for 120 seconds, so transport failures, HTTP 408/429/5xx and Tencent's transient
    /// and rate-limit codes are resent in-process with the same body; <see cref="ProviderResilienceOptions.TotalTimeout"/>
    /// (at most 110 seconds) keeps every resend inside that window.
    /// </summary>
    /// <value>
    /// Total timeout 60 s, attempt timeout 10 s; 4 retries from 500 ms up to 8 s, at least 1 s after a rate-limit
    /// answer; the breaker opens at a failure ratio of 0.5 over 30 s (at least 20 calls) for 15 s.
    /// </value>
    [ValidateObjectMembers]
    public ProviderResilienceOptions Resilience { get; init; } = new()
    {
        TotalTimeout = TimeSpan.FromSeconds(60),
        Retry =
        {
            MaxRetryAttempts = 4,
            BaseDelay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(8),
            RateLimitedDelay = TimeSpan.FromSeconds(1),
        },
        CircuitBreaker =
        {
            FailureRatio = 0.5,
            MinimumThroughput = 20,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(15),
        },
    };

    /// <summary>Gets Tencent's quotas, which the gateway throttles itself to (per SDKAppID: instances of one app share them).</summary>
    [ValidateObjectMembers]
    public TencentImRateLimitOptions RateLimit { get; init; } = new();
}
