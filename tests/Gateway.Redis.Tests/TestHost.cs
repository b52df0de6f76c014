using Gateway.Core.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.Redis.Tests;

/// <summary>A worker-shaped host: the gateway with one fake provider instance, the Redis stores, and the given settings.</summary>
internal static class TestHost
{
    public static IHost Create(
        Dictionary<string, string?> settings,
        Action<IServiceCollection>? registerFirst = null,
        ILoggerProvider? logs = null,
        Action<IGatewayBuilder>? addRedis = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:Providers:im:Type"] = "Fake" });
        builder.Configuration.AddInMemoryCollection(settings);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        registerFirst?.Invoke(builder.Services);
        var gateway = builder.Services.AddMessagingGateway(builder.Configuration.GetSection("Gateway"))
            .AddProviderType<FakeProviderOptions>("Fake", static (_, _) => { }, static (_, name) => CreateProvider(name));
        if (addRedis is null)
        {
            gateway.AddRedisStores(builder.Configuration);
        }
        else
        {
            addRedis(gateway);
        }

        return builder.Build();
    }

    private static IMessageProvider CreateProvider(string name)
    {
        var provider = Substitute.For<IMessageProvider>();
        provider.Name.Returns(name);
        provider.ProviderType.Returns("Fake");
        return provider;
    }

    /// <summary>Options of the fake provider type (none).</summary>
    internal sealed class FakeProviderOptions;
}
