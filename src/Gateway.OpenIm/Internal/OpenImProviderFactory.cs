using Gateway.Core.Diagnostics;
using Gateway.Core.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gateway.OpenIm.Internal;

/// <summary>
/// Creates OpenIM provider instances (type <c>OpenIm</c>) from their configuration section plus any code delegates
/// registered for the same name, validating them first.
/// </summary>
internal sealed class OpenImProviderFactory(
    OpenImInstanceRegistry registry,
    IEnumerable<OpenImCodeConfiguration> codeConfigurations,
    IServiceProvider services) : IMessageProviderFactory
{
    public string ProviderType => OpenImOptions.ProviderType;

    public IReadOnlyList<string> Validate(ProviderInstanceSettings instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var (options, errors) = Build(instance);
        if (options is not null)
        {
            errors.AddRange(OpenImOptionsValidator.Validate(options, instance.ConfigurationPath));
        }

        return errors;
    }

    public IMessageProvider Create(ProviderInstanceSettings instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var (options, errors) = Build(instance);
        if (options is not null)
        {
            errors.AddRange(OpenImOptionsValidator.Validate(options, instance.ConfigurationPath));
        }

        if (options is null || errors.Count > 0)
        {
            throw new OptionsValidationException(instance.Name, typeof(OpenImOptions), errors);
        }

        var loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var state = new OpenImInstance(
            instance.Name,
            options,
            services.GetRequiredService<IHttpClientFactory>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetService<GatewayMetrics>() ?? new GatewayMetrics(null),
            loggerFactory.CreateLogger("Gateway.OpenIm"));
        registry.Add(state);
        return new OpenImMessageProvider(state);
    }

    private (OpenImOptions? Options, List<string> Errors) Build(ProviderInstanceSettings instance)
    {
        var options = new OpenImOptions();
        var errors = new List<string>();
        try
        {
            instance.Configuration.Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            errors.Add(BindingErrors.Describe(exception, instance.ConfigurationPath));
            return (null, errors);
        }

        foreach (var code in codeConfigurations)
        {
            if (string.Equals(code.Name, instance.Name, StringComparison.OrdinalIgnoreCase))
            {
                code.Configure(options);
            }
        }

        return (options, errors);
    }
}
