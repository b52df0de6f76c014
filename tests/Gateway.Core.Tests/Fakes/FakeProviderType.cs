using System.Collections.Concurrent;
using Gateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Core.Tests.Fakes;

/// <summary>Registers the test provider type <c>Fake</c>: options <see cref="FakeProviderOptions"/>, instances <see cref="FakeProvider"/>.</summary>
internal static class FakeProviderType
{
    public const string Name = "Fake";

    /// <summary>Registers the type; instances come from <paramref name="providers"/> by name (created there when missing).</summary>
    public static IGatewayBuilder AddFakeProviderType(this IGatewayBuilder builder, ConcurrentDictionary<string, FakeProvider>? providers = null)
    {
        providers ??= new(StringComparer.OrdinalIgnoreCase);
        return builder.AddProviderType<FakeProviderOptions>(
            Name,
            static (section, options) => section.Bind(options),
            (_, name) => providers.GetOrAdd(name, static n => new FakeProvider(n)));
    }
}
