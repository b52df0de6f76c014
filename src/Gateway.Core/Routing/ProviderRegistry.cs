using System.Diagnostics.CodeAnalysis;
using Gateway.Core.Providers;
using Gateway.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Routing;

/// <summary>The enabled provider instances of this gateway, created once from the catalog, by name.</summary>
internal sealed class ProviderRegistry
{
    private readonly Dictionary<string, (IMessageProvider Provider, bool Strict)> _byName = new(StringComparer.OrdinalIgnoreCase);

    public ProviderRegistry(
        IServiceProvider services,
        IOptions<GatewayOptions> options,
        IEnumerable<ProviderTypeRegistration> types,
        IEnumerable<ProviderInstanceDeclaration> declarations,
        GatewayConfiguration configuration)
    {
        // Reading Value runs GatewayOptionsValidator, which throws OptionsValidationException naming every bad key.
        var catalog = ProviderCatalog.Build(options.Value, types, declarations, configuration.Path);
        foreach (var (instance, type) in catalog.Instances)
        {
            _byName[instance.Name] = (type!.Create(services, instance.Name), instance.Strict);
        }

        DefaultProviderName = catalog.DefaultProvider!;
        Providers = [.. _byName.Values.Select(v => v.Provider)];
    }

    /// <summary>Gets the name of the instance used when a message names none.</summary>
    public string DefaultProviderName { get; }

    /// <summary>Gets every enabled instance.</summary>
    public IReadOnlyList<IMessageProvider> Providers { get; }

    /// <summary>Gets the configured names, for error messages.</summary>
    public string ConfiguredNames => string.Join(", ", _byName.Keys);

    /// <summary>Finds an instance by name (case-insensitive).</summary>
    /// <param name="name">The instance name, or <see langword="null"/> for the default.</param>
    /// <param name="provider">The instance.</param>
    /// <param name="strict">Whether it rejects options it cannot honour.</param>
    /// <returns><see langword="false"/> when no instance has that name.</returns>
    public bool TryFind(string? name, [MaybeNullWhen(false)] out IMessageProvider provider, out bool strict)
    {
        if (_byName.TryGetValue(name ?? DefaultProviderName, out var entry))
        {
            (provider, strict) = entry;
            return true;
        }

        provider = null;
        strict = false;
        return false;
    }
}
