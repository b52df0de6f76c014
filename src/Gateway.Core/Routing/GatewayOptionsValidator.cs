using Gateway.Core.Providers;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Routing;

/// <summary>
/// Validates the whole gateway configuration at startup: instance types, the default, duplicates, limits, and each
/// instance's own settings through its factory. Every message names the configuration key.
/// </summary>
internal sealed class GatewayOptionsValidator(
    IEnumerable<IMessageProviderFactory> factories,
    IEnumerable<ProviderInstanceRegistration> registrations,
    GatewayConfigurationSource? source = null) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = source?.Section.Path ?? GatewayOptions.SectionName;
        var catalog = ProviderCatalog.Build(options, factories, registrations, source);
        var errors = new List<string>(catalog.Errors);

        foreach (var (settings, factory) in catalog.Instances)
        {
            if (factory is not null)
            {
                errors.AddRange(factory.Validate(settings));
            }
        }

        if (options.MaxRecipients < 1)
        {
            errors.Add($"{root}:MaxRecipients must be at least 1 (was {options.MaxRecipients})");
        }

        if (options.Idempotency.TimeToLive <= TimeSpan.Zero)
        {
            errors.Add($"{root}:Idempotency:TimeToLive must be positive (was {options.Idempotency.TimeToLive})");
        }

        if (options.Idempotency.MaxEntries < 1)
        {
            errors.Add($"{root}:Idempotency:MaxEntries must be at least 1 (was {options.Idempotency.MaxEntries})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
