using Gateway.Core.Idempotency;
using Gateway.Core.Pipeline;
using Gateway.Core.RateLimiting;
using Gateway.Core.Routing;
using Gateway.Core.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

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
        Assert.Single(services, d => d.ServiceType == typeof(GatewayPipeline));
        Assert.Single(services, d => d.ServiceType == typeof(IIdempotencyStore));
        Assert.Single(services, d => d.ServiceType == typeof(IRateLimitStore));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<GatewayOptions>));
    }

    [Fact]
    public void AddMessagingGateway_WithDelegate_AppliesIt()
    {
        var services = new ServiceCollection();

        services.AddMessagingGateway(o =>
        {
            o.MaxRecipients = 42;
            o.Providers["im"] = new ProviderInstanceOptions { Type = FakeProviderType.Name };
        }).AddFakeProviderType();

        using var provider = services.BuildServiceProvider();
        Assert.Equal(42, provider.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRecipients);
    }

    [Fact]
    public void AddMessagingGateway_WithSection_BindsItAndEachInstanceUnderItsName()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:DefaultProvider"] = "im",
            ["Gateway:MaxRecipients"] = "7",
            ["Gateway:Idempotency:TimeToLive"] = "00:05:00",
            ["Gateway:Providers:im:Type"] = "Fake",
            ["Gateway:Providers:im:BaseUrl"] = "http://im.example",
            ["Gateway:Providers:im:Retry:MaxRetryAttempts"] = "5",
        }).Build();
        var services = new ServiceCollection();

        services.AddMessagingGateway(configuration.GetSection("Gateway")).AddFakeProviderType();
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var im = provider.GetRequiredService<IOptionsMonitor<FakeProviderOptions>>().Get("im");

        Assert.Equal(("im", 7, TimeSpan.FromMinutes(5), "Fake"), (options.DefaultProvider, options.MaxRecipients, options.Idempotency.TimeToLive, options.Providers["IM"].Type));
        Assert.Equal(("http://im.example", 5), (im.BaseUrl, im.Retry.MaxRetryAttempts));
    }

    [Fact]
    public void AddMessagingGateway_CustomStoresAndClockRegisteredFirst_AreKept()
    {
        var services = new ServiceCollection();
        var store = Substitute.For<IIdempotencyStore>();
        var rateLimits = Substitute.For<IRateLimitStore>();
        var time = new FakeTimeProvider();
        services.AddSingleton(store);
        services.AddSingleton(rateLimits);
        services.AddSingleton<TimeProvider>(time);

        services.AddMessagingGateway();

        using var provider = services.BuildServiceProvider();
        Assert.Same(store, provider.GetRequiredService<IIdempotencyStore>());
        Assert.Same(rateLimits, provider.GetRequiredService<IRateLimitStore>());
        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddMessagingGateway_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddMessagingGateway());
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddMessagingGateway((Action<GatewayOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddMessagingGateway((IConfigurationSection)null!));
    }
}
