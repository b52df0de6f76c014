using System.ComponentModel.DataAnnotations;
using Gateway.Core.Http;
using Microsoft.Extensions.Options;

namespace Gateway.OpenIm;

/// <summary>
/// Settings of one OpenIM provider instance: named options, one name per instance, bound from
/// <c>Gateway:Providers:&lt;name&gt;</c> (the keys beside <c>Type: OpenIm</c>) or set in code with
/// <c>AddOpenIm(o =&gt; ...)</c>. Validated at startup; every error names its key.
/// </summary>
public sealed class OpenImOptions
{
    /// <summary>The provider type name used in configuration (<c>Gateway:Providers:&lt;name&gt;:Type</c>).</summary>
    public const string ProviderType = "OpenIm";

    /// <summary>The instance name <c>AddOpenIm(Action&lt;OpenImOptions&gt;)</c> uses.</summary>
    public const string DefaultInstanceName = "openim";

    /// <summary>
    /// Gets or sets the base URL of the OpenIM API, for example <c>http://openim-api:10002</c> (v3) or
    /// <c>http://openim:10000</c> (v2). A path prefix (reverse proxy) is kept.
    /// </summary>
    /// <value>Required; an absolute http or https URL without query.</value>
    [Required(ErrorMessage = "{0} is required (an absolute http or https URL)")]
    public Uri? BaseUrl { get; set; }

    /// <summary>Gets or sets the server API generation; see <see cref="OpenImApiVersion"/>.</summary>
    /// <value>The default is <see cref="OpenImApiVersion.V3"/> (v3.8.1 and later).</value>
    [EnumDataType(typeof(OpenImApiVersion), ErrorMessage = "{0} must be V3, V3UserToken or V2")]
    public OpenImApiVersion ApiVersion { get; set; } = OpenImApiVersion.V3;

    /// <summary>
    /// Gets or sets the admin user id the token is fetched for (one of the server's configured admin ids), also the
    /// <c>sendID</c> of messages without a sender.
    /// </summary>
    /// <value>The default is <c>imAdmin</c> (the v3 default; v2 servers ship with <c>openIMAdmin</c> and others).</value>
    [Required(ErrorMessage = "{0} is required")]
    [MaxLength(64, ErrorMessage = "{0} must be at most 64 characters")]
    public string AdminUserId { get; set; } = "imAdmin";

    /// <summary>Gets or sets the server's shared secret (<c>share.yml</c> <c>secret</c>; v2 <c>config.yaml</c> <c>secret</c>). Never logged.</summary>
    /// <value>Required.</value>
    [Required(ErrorMessage = "{0} is required (the OpenIM server secret; set it from the environment)")]
    public string? Secret { get; set; }

    /// <summary>Gets or sets how long before its expiry the admin token is refreshed.</summary>
    /// <value>The default is 5 minutes. When a token lives less than twice this long, it is refreshed at half its lifetime.</value>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "{0} must be between {1} and {2}")]
    public TimeSpan TokenRefreshSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how messages to several users are sent (v3 only; v2 has no batch route and always sends one by one).</summary>
    /// <value>The default is <see cref="OpenImDeliveryMode.Batch"/>.</value>
    [EnumDataType(typeof(OpenImDeliveryMode), ErrorMessage = "{0} must be Batch or PerRecipient")]
    public OpenImDeliveryMode DeliveryMode { get; set; } = OpenImDeliveryMode.Batch;

    /// <summary>Gets or sets how many recipients one <c>batch_send_msg</c> call carries. The server sends to them one after another, so large chunks take long.</summary>
    /// <value>The default is 100.</value>
    [Range(1, 10_000, ErrorMessage = "{0} must be between {1} and {2}")]
    public int BatchSize { get; set; } = 100;

    /// <summary>Gets or sets the largest response body read, in bytes; larger answers fail the call.</summary>
    /// <value>The default is 4 MiB.</value>
    [Range(1024, 256 * 1024 * 1024, ErrorMessage = "{0} must be between {1} and {2} bytes")]
    public int MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Gets the timeouts, retries and circuit breaker of the instance's HTTP pipeline. A send is repeated in-process only
    /// when the answer proves OpenIM did not take it (the connection could not be opened, HTTP 429 or 503), because
    /// OpenIM has no deduplication: every other transient failure is left to the bus, which checks the idempotency
    /// record before it tries again.
    /// </summary>
    [ValidateObjectMembers]
    public ProviderResilienceOptions Resilience { get; init; } = new();

    /// <summary>Gets the optional client-side rate limit (off by default: OpenIM has none).</summary>
    [ValidateObjectMembers]
    public OpenImRateLimitOptions RateLimit { get; init; } = new();
}
