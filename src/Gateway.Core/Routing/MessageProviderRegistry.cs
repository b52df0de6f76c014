using Gateway.Core.Providers;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Routing;

/// <summary>The provider instances of this gateway, created once from configuration, by name.</summary>
public sealed class MessageProviderRegistry
{
    private readonly Dictionary<string, (IMessageProvider Provider, bool Strict)> _byName;

    internal MessageProviderRegistry(
        IOptions<GatewayOptions> options,
        IEnumerable<IMessageProviderFactory> factories,
        IEnumerable<ProviderInstanceRegistration> registrations,
        GatewayConfigurationSource? source)
    {
        // Reading Value runs GatewayOptionsValidator, which throws OptionsValidationException naming every bad key.
        var catalog = ProviderCatalog.Build(options.Value, factories, registrations, source);
        _byName = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (settings, factory) in catalog.Instances)
        {
            _byName[settings.Name] = (factory!.Create(settings), settings.Strict);
        }

        DefaultProviderName = catalog.DefaultProvider!;
        Providers = [.. _byName.Values.Select(v => v.Provider)];
    }

    /// <summary>Gets the name of the instance used when a message names none.</summary>
    public string DefaultProviderName { get; }

    /// <summary>Gets every configured instance.</summary>
    public IReadOnlyList<IMessageProvider> Providers { get; }

    /// <summary>Finds an instance by name (case-insensitive).</summary>
    /// <param name="name">The instance name, or <see langword="null"/> for the default.</param>
    /// <returns>The instance, or <see langword="null"/> when none has that name.</returns>
    public IMessageProvider? Find(string? name) =>
        _byName.TryGetValue(name ?? DefaultProviderName, out var entry) ? entry.Provider : null;

    /// <summary>Gets whether an instance rejects options it cannot honour instead of ignoring them.</summary>
    /// <param name="name">The instance name.</param>
    /// <returns><see langword="true"/> for a strict instance.</returns>
    public bool IsStrict(string name) => _byName.TryGetValue(name, out var entry) && entry.Strict;

    internal string ConfiguredNames => string.Join(", ", _byName.Keys);
}
