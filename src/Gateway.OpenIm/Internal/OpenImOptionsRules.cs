using Microsoft.Extensions.Options;

namespace Gateway.OpenIm.Internal;

/// <summary>
/// The cross-field rules of <see cref="OpenImOptions"/>: the URL's shape, v2's secret length, and the pipeline's
/// timeouts, delays and breaker window. Failures start with the dotted key (<c>openim.BaseUrl</c>), which the gateway
/// turns into the full configuration key; the configured value is never repeated.
/// </summary>
internal sealed class OpenImOptionsRules : IValidateOptions<OpenImOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenImOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = string.IsNullOrEmpty(name) ? nameof(OpenImOptions) : name;
        var errors = new List<string>();
        if (options.BaseUrl is { } url
            && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Query.Length > 0 || url.Fragment.Length > 0))
        {
            errors.Add($"{key}.BaseUrl must be an absolute http or https URL without query");
        }

        if (options.ApiVersion == OpenImApiVersion.V2 && options.Secret is { Length: > 32 })
        {
            errors.Add($"{key}.Secret must be at most 32 characters for ApiVersion V2 (the v2 user_token rule)");
        }

        options.Resilience.Validate(key + ".Resilience", errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
