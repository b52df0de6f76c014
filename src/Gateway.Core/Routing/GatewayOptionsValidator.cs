using Gateway.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Routing;

/// <summary>
/// Validates the whole gateway configuration at startup: instance types, the default, duplicates, limits, and each
/// enabled instance's own options (bound and validated as named options of its type). Every message names its key,
/// and every problem is reported at once.
/// </summary>
internal sealed class GatewayOptionsValidator(
    IServiceProvider services,
    IEnumerable<ProviderTypeRegistration> types,
    IEnumerable<ProviderInstanceDeclaration> declarations,
    GatewayConfiguration configuration) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = configuration.Path;
        var catalog = ProviderCatalog.Build(options, types, declarations, root);
        var errors = new List<string>(catalog.Errors);
        foreach (var (instance, type) in catalog.Instances)
        {
            if (type is not null)
            {
                errors.AddRange(type.Validate(services, instance));
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
