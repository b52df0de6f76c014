using Microsoft.Extensions.Options;

namespace Gateway.TencentIm.Internal;

/// <summary>
/// The rules of <see cref="TencentImOptions"/> the attributes cannot say: the SDKAppID, where the API is (region or URL), the UserSig's lifetime
/// and skew, the batch quota against the chunk size, the 110-second bound on the total timeout, and the pipeline's
/// timeouts, delays and breaker window. Failures start with the dotted key (<c>tencent.Region</c>), which the gateway
/// turns into the full configuration key; the configured value is never repeated.
/// </summary>
internal sealed class TencentImOptionsRules : IValidateOptions<TencentImOptions>
{
    /// <summary>Every retry of a one-to-one send must reach Tencent within its 120-second dedup window.</summary>
    public static readonly TimeSpan MaxTotalTimeout = TimeSpan.FromSeconds(110);

    public static readonly TimeSpan MinUserSigLifetime = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan MaxUserSigLifetime = TimeSpan.FromDays(365 * 50);

    public ValidateOptionsResult Validate(string? name, TencentImOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = string.IsNullOrEmpty(name) ? nameof(TencentImOptions) : name;
        var errors = new List<string>();
        if (options.SdkAppId is < 1 or > uint.MaxValue)
        {
            errors.Add($"{key}.SdkAppId is required (the app's SDKAppID, 1 to 4294967295)");
        }

        var regions = string.Join(", ", Enum.GetNames<TencentImRegion>());
        if (options.BaseUrl is { } url)
        {
            if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || url.Query.Length > 0 || url.Fragment.Length > 0)
            {
                errors.Add($"{key}.BaseUrl must be an absolute http or https URL without query or fragment");
            }
        }
        else if (options.Region is not { } region)
        {
            errors.Add($"{key}.Region is required ({regions}) unless BaseUrl is set");
        }
        else if (!Enum.IsDefined(region))
        {
            errors.Add($"{key}.Region must be one of {regions}");
        }
        else if (options.UseBackupDomain && TencentImDomains.Backup(region) is null)
        {
            errors.Add($"{key}.UseBackupDomain: Tencent publishes no backup domain for {region}");
        }

        if (options.UserSigLifetime < MinUserSigLifetime || options.UserSigLifetime > MaxUserSigLifetime)
        {
            errors.Add($"{key}.UserSigLifetime must be between {MinUserSigLifetime:c} and {MaxUserSigLifetime:c} (Tencent recommends at least 1.00:00:00)");
        }

        if (options.UserSigRefreshSkew <= TimeSpan.Zero || options.UserSigRefreshSkew * 2 > options.UserSigLifetime)
        {
            errors.Add($"{key}.UserSigRefreshSkew must be positive and at most half of UserSigLifetime");
        }

        if (options.RateLimit.BatchRecipientsPerMinute < 2 * options.BatchSize)
        {
            errors.Add($"{key}.RateLimit.BatchRecipientsPerMinute must be at least twice BatchSize");
        }

        if (options.Resilience.TotalTimeout > MaxTotalTimeout)
        {
            errors.Add($"{key}.Resilience.TotalTimeout must be at most {MaxTotalTimeout:c}, so retries of a one-to-one send stay inside Tencent's 120-second dedup window");
        }

        options.Resilience.Validate(key + ".Resilience", errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
