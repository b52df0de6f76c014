using Gateway.Core.Providers;
using Microsoft.Extensions.Configuration;

namespace Gateway.Core.Routing;

/// <summary>
/// The provider instances as configured: those under <c>Gateway:Providers</c> and those declared in code, with the
/// default chosen and every configuration problem listed by key. Shared by the startup validator and the registry,
/// so what is validated is exactly what is built.
/// </summary>
internal sealed class ProviderCatalog
{
    private static readonly IConfiguration EmptyConfiguration = new ConfigurationBuilder().Build();

    private ProviderCatalog(IReadOnlyList<(ProviderInstanceSettings Settings, IMessageProviderFactory? Factory)> instances, string? defaultProvider, IReadOnlyList<string> errors)
    {
        Instances = instances;
        DefaultProvider = defaultProvider;
        Errors = errors;
    }

    public IReadOnlyList<(ProviderInstanceSettings Settings, IMessageProviderFactory? Factory)> Instances { get; }

    public string? DefaultProvider { get; }

    public IReadOnlyList<string> Errors { get; }

    public static ProviderCatalog Build(
        GatewayOptions options,
        IEnumerable<IMessageProviderFactory> factories,
        IEnumerable<ProviderInstanceRegistration> registrations,
        GatewayConfigurationSource? source)
    {
        var root = source?.Section.Path ?? GatewayOptions.SectionName;
        var factoryByType = new Dictionary<string, IMessageProviderFactory>(StringComparer.OrdinalIgnoreCase);
        foreach (var factory in factories)
        {
            factoryByType.TryAdd(factory.ProviderType, factory);
        }

        var knownTypes = factoryByType.Count == 0
            ? "none registered (call AddOpenIm() or AddTencentIm() on the gateway builder)"
            : string.Join(", ", factoryByType.Keys.Order(StringComparer.Ordinal));
        var errors = new List<string>();
        var instances = new List<(ProviderInstanceSettings, IMessageProviderFactory?)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Add(string name, string? type, IConfiguration? configuration, bool strict, string path)
        {
            if (!names.Add(name))
            {
                errors.Add($"{path}: provider instance '{name}' is defined more than once (names are case-insensitive; define it either under {root}:Providers or in code, not both)");
                return;
            }

            IMessageProviderFactory? factory = null;
            if (string.IsNullOrWhiteSpace(type))
            {
                errors.Add($"{path}:Type is required; known types: {knownTypes}");
            }
            else if (!factoryByType.TryGetValue(type, out factory))
            {
                errors.Add($"{path}:Type: unknown provider type '{type}'; known types: {knownTypes}");
            }

            instances.Add((new ProviderInstanceSettings
            {
                Name = name,
                ProviderType = factory?.ProviderType ?? type ?? string.Empty,
                ConfigurationPath = path,
                Configuration = configuration ?? EmptyConfiguration,
                Strict = strict,
            }, factory));
        }

        foreach (var (name, instance) in options.Providers)
        {
            var configuration = source?.Section.GetSection($"Providers:{name}");
            Add(name, instance.Type, configuration, instance.Strict, $"{root}:Providers:{name}");
        }

        foreach (var registration in registrations)
        {
            var path = registration.Configuration is IConfigurationSection section ? section.Path : $"{root}:Providers:{registration.Name}";
            Add(registration.Name, registration.ProviderType, registration.Configuration, registration.Strict, path);
        }

        string? defaultProvider = null;
        var configured = string.Join(", ", instances.Select(i => i.Item1.Name));
        if (instances.Count == 0)
        {
            errors.Add($"{root}:Providers: no provider instance is configured; add one under {root}:Providers:<name> with a Type ({knownTypes})");
        }
        else if (!string.IsNullOrWhiteSpace(options.DefaultProvider))
        {
            defaultProvider = instances.Select(i => i.Item1.Name).FirstOrDefault(n => string.Equals(n, options.DefaultProvider, StringComparison.OrdinalIgnoreCase));
            if (defaultProvider is null)
            {
                errors.Add($"{root}:DefaultProvider: '{options.DefaultProvider}' is not a configured provider instance; configured: {configured}");
            }
        }
        else if (instances.Count == 1)
        {
            defaultProvider = instances[0].Item1.Name;
        }
        else
        {
            errors.Add($"{root}:DefaultProvider is required when several provider instances are configured ({configured})");
        }

        return new ProviderCatalog(instances, defaultProvider, errors);
    }
}
