using System.Collections.Concurrent;

namespace Gateway.TencentIm.Internal;

/// <summary>The instances created in this container, by name, so rotated HTTP handlers find their instance's state.</summary>
internal sealed class TencentImInstanceRegistry : IDisposable
{
    private readonly ConcurrentDictionary<string, TencentImInstance> _byName = new(StringComparer.OrdinalIgnoreCase);

    public void Add(TencentImInstance instance)
    {
        if (_byName.TryGetValue(instance.Name, out var previous))
        {
            previous.Dispose();
        }

        _byName[instance.Name] = instance;
    }

    public TencentImInstance Get(string name) =>
        _byName.TryGetValue(name, out var instance)
            ? instance
            : throw new InvalidOperationException($"No Tencent Cloud IM provider instance named '{name}' was created.");

    public void Dispose()
    {
        foreach (var instance in _byName.Values)
        {
            instance.Dispose();
        }
    }
}
