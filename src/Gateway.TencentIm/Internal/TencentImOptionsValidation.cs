using System.ComponentModel.DataAnnotations;
using Gateway.Core.Providers;
using Microsoft.Extensions.Configuration;

namespace Gateway.TencentIm.Internal;

/// <summary>Builds an instance's options (configuration, then code delegates) and lists every problem by its configuration key.</summary>
internal static class TencentImOptionsValidation
{
    public static readonly TimeSpan MaxTotalTimeout = TimeSpan.FromSeconds(110);
    public static readonly TimeSpan MinUserSigLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxUserSigLifetime = TimeSpan.FromDays(365 * 50);

    public static (TencentImOptions Options, IReadOnlyList<string> Errors) Build(ProviderInstanceSettings settings, IEnumerable<TencentImCodeConfiguration> code)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new TencentImOptions();
        var errors = new List<string>();
        try
        {
            settings.Configuration.Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            // The binder's message names the key and the type, never the value.
            errors.Add($"{settings.ConfigurationPath}: {exception.Message}");
            return (options, errors);
        }

        foreach (var registration in code)
        {
            if (string.Equals(registration.Name, settings.Name, StringComparison.OrdinalIgnoreCase))
            {
                registration.Configure(options);
            }
        }

        Validate(options, settings.ConfigurationPath, errors);
        return (options, errors);
    }

    public static void Validate(TencentImOptions options, string path, List<string> errors)
    {
        Annotations(options, path, errors);
        Annotations(options.Quotas, path + ":Quotas", errors);
        Annotations(options.Retry, path + ":Retry", errors);
        Annotations(options.Resilience, path + ":Resilience", errors);

        if (options.Region is null && options.BaseUrl is null)
        {
            errors.Add($"{path}:Region is required ({string.Join(", ", Enum.GetNames<TencentImRegion>())}) unless {path}:BaseUrl is set");
        }
        else if (options.Region is not null && options.BaseUrl is not null)
        {
            errors.Add($"{path}:BaseUrl: set either {path}:Region or {path}:BaseUrl, not both");
        }

        if (options.Region is { } region && !Enum.IsDefined(region))
        {
            errors.Add($"{path}:Region must be one of {string.Join(", ", Enum.GetNames<TencentImRegion>())}");
        }
        else if (options.Region is { } withBackup && options.UseBackupDomain && TencentImDomains.Backup(withBackup) is null)
        {
            errors.Add($"{path}:UseBackupDomain: Tencent publishes no backup domain for {withBackup}");
        }

        if (options.BaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment)))
        {
            errors.Add($"{path}:BaseUrl must be an absolute http or https URL without query or fragment");
        }

        if (options.UserSigLifetime < MinUserSigLifetime || options.UserSigLifetime > MaxUserSigLifetime)
        {
            errors.Add($"{path}:UserSigLifetime must be between {MinUserSigLifetime} and {MaxUserSigLifetime} (Tencent recommends at least 1.00:00:00)");
        }

        if (options.UserSigRefreshSkew <= TimeSpan.Zero || options.UserSigRefreshSkew * 2 > options.UserSigLifetime)
        {
            errors.Add($"{path}:UserSigRefreshSkew must be positive and at most half of {path}:UserSigLifetime");
        }

        if (options.Quotas.BatchRecipientsPerMinute < 2 * options.BatchSize)
        {
            errors.Add($"{path}:Quotas:BatchRecipientsPerMinute must be at least twice {path}:BatchSize ({2 * options.BatchSize})");
        }

        var retry = options.Retry;
        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > retry.MaxDelay)
        {
            errors.Add($"{path}:Retry:BaseDelay must be between 00:00:00 and {path}:Retry:MaxDelay");
        }

        if (retry.RateLimitDelay < TimeSpan.FromSeconds(1) || retry.RateLimitDelay > TimeSpan.FromSeconds(60))
        {
            errors.Add($"{path}:Retry:RateLimitDelay must be between 00:00:01 and 00:01:00 (Tencent's limits are per second)");
        }

        var resilience = options.Resilience;
        if (resilience.AttemptTimeout <= TimeSpan.Zero || resilience.AttemptTimeout >= resilience.TotalTimeout)
        {
            errors.Add($"{path}:Resilience:AttemptTimeout must be positive and less than {path}:Resilience:TotalTimeout");
        }

        if (resilience.TotalTimeout > MaxTotalTimeout)
        {
            errors.Add($"{path}:Resilience:TotalTimeout must be at most {MaxTotalTimeout}, so retries of a one-to-one send stay inside Tencent's 120-second dedup window");
        }

        if (resilience.SamplingDuration < resilience.AttemptTimeout * 2)
        {
            errors.Add($"{path}:Resilience:SamplingDuration must be at least twice {path}:Resilience:AttemptTimeout");
        }

        if (resilience.BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"{path}:Resilience:BreakDuration must be at least 00:00:00.5 (Polly's minimum)");
        }
    }

    private static void Annotations(object target, string path, List<string> errors)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true))
        {
            return;
        }

        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
            {
                errors.Add($"{path}:{member} {result.ErrorMessage}");
            }
        }
    }
}
