namespace Gateway.Core.Routing;

/// <summary>
/// The enabled provider instances as configured (under <c>Gateway:Providers</c> and declared in code), each with its
/// type, the default instance, and every problem with them by key. The startup validator and the registry both build
/// it, so what is validated is exactly what is created.
/// </summary>
internal sealed class ProviderCatalog
{
    private ProviderCatalog(IReadOnlyList<(ProviderInstance Instance, ProviderTypeRegistration? Type)> instances, string? defaultProvider, IReadOnlyList<string> errors)
    {
        Instances = instances;
        DefaultProvider = defaultProvider;
        Errors = errors;
    }

    public IReadOnlyList<(ProviderInstance Instance, ProviderTypeRegistration? Type)> Instances { get; }

    public string? DefaultProvider { get; }

    public IReadOnlyList<string> Errors { get; }

    public static ProviderCatalog Build(
        GatewayOptions options,
        IEnumerable<ProviderTypeRegistration> types,
        IEnumerable<ProviderInstanceDeclaration> declarations,
        string root)
    {
        var typeByName = new Dictionary<string, ProviderTypeRegistration>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in types)
        {
            typeByName.TryAdd(type.TypeName, type);
        }

        var knownTypes = typeByName.Count == 0
            ? "none registered (call AddOpenIm() or AddTencentIm() on the gateway builder)"
            : string.Join(", ", typeByName.Keys.Order(StringComparer.Ordinal));
        var errors = new List<string>();
        var instances = new List<(ProviderInstance, ProviderTypeRegistration?)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Add(ProviderInstance instance)
        {
            if (!names.Add(instance.Name))
            {
                errors.Add($"{instance.ConfigurationPath}: provider instance '{instance.Name}' is defined more than once (names are case-insensitive; define it either under {root}:Providers or in code, not both)");
                return;
            }

            ProviderTypeRegistration? type = null;
            if (string.IsNullOrWhiteSpace(instance.TypeName))
            {
                errors.Add($"{instance.ConfigurationPath}:Type is required; known types: {knownTypes}");
            }
            else if (!typeByName.TryGetValue(instance.TypeName, out type))
            {
                errors.Add($"{instance.ConfigurationPath}:Type: unknown provider type '{instance.TypeName}'; known types: {knownTypes}");
            }

            instances.Add((instance with { TypeName = type?.TypeName ?? instance.TypeName }, type));
        }

        var declared = new HashSet<string>(declarations.Select(d => d.Instance.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, instance) in options.Providers)
        {
            // An entry that only switches a code-declared instance off, or only sets its options, is not an instance of its own.
            if (instance.Enabled && (instance.Type is not null || !declared.Contains(name)))
            {
                Add(new ProviderInstance(name, instance.Type, instance.Strict, $"{root}:Providers:{name}"));
            }
        }

        foreach (var declaration in declarations)
        {
            var instance = declaration.Instance;
            if (options.Providers.TryGetValue(instance.Name, out var configured) && !configured.Enabled)
            {
                continue;
            }

            Add(instance.ConfigurationPath.Length == 0 ? instance with { ConfigurationPath = $"{root}:Providers:{instance.Name}" } : instance);
        }

        string? defaultProvider = null;
        if (instances.Count == 0)
        {
            errors.Add($"{root}:Providers: no enabled provider instance is configured; add one under {root}:Providers:<name> with a Type ({knownTypes}); samples/config/ has one file per provider");
        }
        else if (!string.IsNullOrWhiteSpace(options.DefaultProvider))
        {
            defaultProvider = instances.Select(i => i.Item1.Name).FirstOrDefault(n => string.Equals(n, options.DefaultProvider, StringComparison.OrdinalIgnoreCase));
            if (defaultProvider is null)
            {
                errors.Add($"{root}:DefaultProvider: '{options.DefaultProvider}' is not an enabled provider instance; enabled: {string.Join(", ", instances.Select(i => i.Item1.Name))}");
            }
        }
        else if (instances.Count == 1)
        {
            defaultProvider = instances[0].Item1.Name;
        }
        else
        {
            errors.Add($"{root}:DefaultProvider is required when several provider instances are enabled ({string.Join(", ", instances.Select(i => i.Item1.Name))})");
        }

        return new ProviderCatalog(instances, defaultProvider, errors);
    }
}
