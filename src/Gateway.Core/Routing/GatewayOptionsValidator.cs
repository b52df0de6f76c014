using Gateway.Core.Configuration;
using Gateway.Core.Idempotency;
using Gateway.Core.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
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
        if (options.BindingErrors.Count > 0)
        {
            // What could not be bound makes the rest unreliable: report it alone.
            return ValidateOptionsResult.Fail(options.BindingErrors);
        }

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

        if (options.Idempotency.Lease < TimeSpan.FromSeconds(5))
        {
            errors.Add($"{root}:Idempotency:Lease must be at least 00:00:05 (was {options.Idempotency.Lease})");
        }

        CheckStore<IIdempotencyStore>(options.Idempotency.Store, $"{root}:Idempotency:Store", errors);
        CheckStore<IRateLimitStore>(options.RateLimiting.Store, $"{root}:RateLimiting:Store", errors);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private void CheckStore<TStore>(StoreKind kind, string key, List<string> errors)
    {
        if (!Enum.IsDefined(kind))
        {
            errors.Add($"{key} must be InMemory or Redis");
        }
        else if (kind != StoreKind.InMemory
            && services.GetService<IServiceProviderIsKeyedService>() is { } keyed
            && !keyed.IsKeyedService(typeof(TStore), kind.ToString()))
        {
            errors.Add($"{key} is {kind}, but no {kind} store is registered (the worker registers it; a library host adds the Gateway.Redis package and calls AddRedisStores())");
        }
    }
}
