using System.Collections.Concurrent;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Host.Tests.Support;

/// <summary>
/// The provider type <c>Scripted</c> of the host tests, registered like an adapter through
/// <see cref="GatewayBuilderExtensions.AddProviderType{TOptions}"/>: every configured instance of that type is a
/// <see cref="FakeProvider"/> kept here by name, so a test scripts its answers (transient failures, waits, permanent
/// errors) and reads what it was asked to send. The adapters' wire behaviour is tested against the emulators.
/// </summary>
internal sealed class ScriptedProviders
{
    public const string Type = "Scripted";

    /// <summary>The instance name the tests configure.</summary>
    public const string Name = "scripted";

    private readonly ConcurrentDictionary<string, FakeProvider> _instances = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the instance of that name (created on first use, by the gateway or by the test).</summary>
    public FakeProvider this[string name] => _instances.GetOrAdd(name, static n => new FakeProvider(n, Type));

    /// <summary>Gets the instance named <see cref="Name"/>.</summary>
    public FakeProvider Default => this[Name];

    /// <summary>A transient failure as the OpenIM adapter reports <c>errCode 500</c>.</summary>
    public static ProviderException Transient(string provider = Name, TimeSpan? retryAfter = null) =>
        new(provider, GatewayErrorCode.ProviderUnavailable, "errCode 500: service down", isTransient: true, status: 200, providerErrorCode: "500", retryAfter: retryAfter);

    /// <summary>A permanent failure: the recipient does not exist.</summary>
    public static ProviderException NotFound(string provider = Name) =>
        new(provider, GatewayErrorCode.RecipientNotFound, "user not found", providerErrorCode: "1004");
}
