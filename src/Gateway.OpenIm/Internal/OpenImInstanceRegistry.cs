using System.Collections.Concurrent;

namespace Gateway.OpenIm.Internal;

/// <summary>The OpenIM instances of one service provider, by name, for the HTTP client configuration to find.</summary>
internal sealed class OpenImInstanceRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, OpenImInstance> _instances = new(StringComparer.OrdinalIgnoreCase);

    public void Add(OpenImInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!_instances.TryAdd(instance.Name, instance))
        {
            throw new InvalidOperationException($"OpenIM provider instance '{instance.Name}' was created twice in one service provider.");
        }
    }

    public OpenImInstance Get(string name) =>
        _instances.TryGetValue(name, out var instance)
            ? instance
            : throw new InvalidOperationException($"No OpenIM provider instance named '{name}' was created; its HTTP client cannot be built.");

    public void Dispose()
    {
        foreach (var instance in _instances.Values)
        {
            instance.Dispose();
        }

        _instances.Clear();
    }
}
