using Gateway.Core.Diagnostics;
using Gateway.Core.Providers;
using Gateway.TencentIm.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.TencentIm.Internal;

/// <summary>Creates <c>TencentIm</c> provider instances from configuration and code delegates.</summary>
internal sealed class TencentImProviderFactory(
    IHttpClientFactory httpClientFactory,
    TimeProvider timeProvider,
    GatewayMetrics metrics,
    ILoggerFactory loggerFactory,
    TencentImInstanceRegistry instances,
    TencentImRateLimiterRegistry limiters,
    IEnumerable<TencentImCodeConfiguration> code) : IMessageProviderFactory
{
    public string ProviderType => TencentImOptions.ProviderType;

    public IReadOnlyList<string> Validate(ProviderInstanceSettings instance) => TencentImOptionsValidation.Build(instance, code).Errors;

    public IMessageProvider Create(ProviderInstanceSettings instance)
    {
        var (options, errors) = TencentImOptionsValidation.Build(instance, code);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(instance.Name, typeof(TencentImOptions), errors);
        }

        var state = new TencentImInstance(
            instance.Name,
            options,
            limiters.For(options.SdkAppId, options.Quotas),
            metrics,
            loggerFactory.CreateLogger("Gateway.TencentIm." + instance.Name),
            timeProvider);
        instances.Add(state);
        return new TencentImMessageProvider(state, httpClientFactory);
    }
}
