using Gateway.Core.Idempotency;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Tests.DependencyInjection;

public class GatewayServiceCollectionExtensionsTests
{
    [Fact]
    public void AddMessagingGateway_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();

        services.AddMessagingGateway();
        services.AddMessagingGateway();

        Assert.Single(services, d => d.ServiceType == typeof(IMessageGateway));
        Assert.Single(services, d => d.ServiceType == typeof(IIdempotencyStore));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<GatewayOptions>));
    }

    [Fact]
    public void AddMessagingGateway_WithDelegate_AppliesIt()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Gateway.Core.Providers.IMessageProviderFactory>(new FakeProviderFactory());

        services.AddMessagingGateway(o =>
        {
            o.MaxRecipients = 42;
            o.Providers["im"] = new Gateway.Core.Routing.ProviderInstanceOptions { Type = "Fake" };
        });

        Assert.Equal(42, services.BuildServiceProvider().GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRecipients);
    }

    [Fact]
    public void AddMessagingGateway_WithSection_BindsIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:DefaultProvider"] = "im",
            ["Gateway:MaxRecipients"] = "7",
            ["Gateway:Idempotency:TimeToLive"] = "00:05:00",
            ["Gateway:Providers:im:Type"] = "Fake",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<Gateway.Core.Providers.IMessageProviderFactory>(new FakeProviderFactory());

        services.AddMessagingGateway(configuration.GetSection("Gateway"));
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<GatewayOptions>>().Value;

        Assert.Equal(("im", 7, TimeSpan.FromMinutes(5), "Fake"), (options.DefaultProvider, options.MaxRecipients, options.Idempotency.TimeToLive, options.Providers["IM"].Type));
    }

    [Fact]
    public void AddMessagingGateway_CustomStoreRegisteredFirst_IsKept()
    {
        var services = new ServiceCollection();
        var store = Substitute.For<IIdempotencyStore>();
        services.AddSingleton(store);

        services.AddMessagingGateway();

        Assert.Same(store, services.BuildServiceProvider().GetRequiredService<IIdempotencyStore>());
    }

    [Fact]
    public void AddMessagingGateway_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddMessagingGateway());
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddMessagingGateway((Action<GatewayOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddMessagingGateway((IConfigurationSection)null!));
    }
}
