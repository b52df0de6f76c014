using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Gateway.OpenIm.Internal;

/// <summary>
/// Validates <see cref="OpenImOptions"/>: the DataAnnotations attributes plus the cross-field rules (URL shape, timeouts,
/// breaker sampling, Polly's own ranges). Every message names its configuration key under the instance's path, for
/// example <c>Gateway:Providers:openim:BaseUrl is required (an absolute http or https URL)</c>.
/// </summary>
internal static class OpenImOptionsValidator
{
    private static readonly TimeSpan PollyMinimumTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan PollyMinimumBreak = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PollyMaximum = TimeSpan.FromDays(1);

    /// <summary>Validates options.</summary>
    /// <param name="options">The options.</param>
    /// <param name="path">The instance's configuration path, for example <c>Gateway:Providers:openim</c>.</param>
    /// <returns>One message per problem; empty when valid.</returns>
    public static List<string> Validate(OpenImOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        string Key(string key) => path + ":" + key;

        AddAnnotationErrors(options, Key, string.Empty, errors);
        AddAnnotationErrors(options.Resilience, Key, "Resilience:", errors);
        AddAnnotationErrors(options.RateLimit, Key, "RateLimit:", errors);

        if (!string.IsNullOrEmpty(options.BaseUrl)
            && (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || !string.IsNullOrEmpty(uri.Query)
                || !string.IsNullOrEmpty(uri.Fragment)))
        {
            errors.Add($"{Key("BaseUrl")} must be an absolute http or https URL without query (was '{Redacted(options.BaseUrl)}')");
        }

        if (!Enum.IsDefined(options.ApiVersion))
        {
            errors.Add($"{Key("ApiVersion")} must be V3, V3UserToken or V2 (was {options.ApiVersion})");
        }

        if (!Enum.IsDefined(options.DeliveryMode))
        {
            errors.Add($"{Key("DeliveryMode")} must be Batch or PerRecipient (was {options.DeliveryMode})");
        }

        if (options.ApiVersion == OpenImApiVersion.V2 && options.Secret is { Length: > 32 })
        {
            errors.Add($"{Key("Secret")} must be at most 32 characters for ApiVersion V2 (the v2 user_token rule)");
        }

        if (options.TokenRefreshSkew < TimeSpan.Zero)
        {
            errors.Add($"{Key("TokenRefreshSkew")} must not be negative (was {Format(options.TokenRefreshSkew)})");
        }

        var r = options.Resilience;
        CheckRange(errors, Key("Resilience:AttemptTimeout"), r.AttemptTimeout, PollyMinimumTimeout, PollyMaximum);
        CheckRange(errors, Key("Resilience:TotalTimeout"), r.TotalTimeout, PollyMinimumTimeout, PollyMaximum);
        if (r.AttemptTimeout >= r.TotalTimeout)
        {
            errors.Add($"{Key("Resilience:AttemptTimeout")} must be less than Resilience:TotalTimeout (was {Format(r.AttemptTimeout)} and {Format(r.TotalTimeout)})");
        }

        CheckRange(errors, Key("Resilience:BaseDelay"), r.BaseDelay, TimeSpan.Zero, PollyMaximum);
        CheckRange(errors, Key("Resilience:MaxDelay"), r.MaxDelay, TimeSpan.Zero, PollyMaximum);
        if (r.MaxDelay < r.BaseDelay)
        {
            errors.Add($"{Key("Resilience:MaxDelay")} must not be less than Resilience:BaseDelay (was {Format(r.MaxDelay)} and {Format(r.BaseDelay)})");
        }

        if (!(r.FailureRatio > 0 && r.FailureRatio <= 1))
        {
            errors.Add($"{Key("Resilience:FailureRatio")} must be greater than 0 and at most 1 (was {r.FailureRatio.ToString(CultureInfo.InvariantCulture)})");
        }

        CheckRange(errors, Key("Resilience:SamplingDuration"), r.SamplingDuration, PollyMinimumBreak, PollyMaximum);
        CheckRange(errors, Key("Resilience:BreakDuration"), r.BreakDuration, PollyMinimumBreak, PollyMaximum);
        if (r.SamplingDuration < r.AttemptTimeout + r.AttemptTimeout)
        {
            errors.Add($"{Key("Resilience:SamplingDuration")} must be at least twice Resilience:AttemptTimeout (was {Format(r.SamplingDuration)} and {Format(r.AttemptTimeout)})");
        }

        return errors;
    }

    private static void AddAnnotationErrors(object target, Func<string, string> key, string prefix, List<string> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault() ?? string.Empty;
            errors.Add($"{key(prefix + member)} {result.ErrorMessage}");
        }
    }

    private static void CheckRange(List<string> errors, string key, TimeSpan value, TimeSpan minimum, TimeSpan maximum)
    {
        if (value < minimum || value > maximum)
        {
            errors.Add($"{key} must be between {Format(minimum)} and {Format(maximum)} (was {Format(value)})");
        }
    }

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>Shows a bad URL without anything after '?' (a query could carry a credential).</summary>
    private static string Redacted(string url)
    {
        var cut = url.IndexOfAny(['?', '#']);
        return cut < 0 ? url : url[..cut] + "?…";
    }
}
