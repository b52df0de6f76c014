using Gateway.Core.Routing;
using Gateway.Core.Tests.Fakes;
using Gateway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Tests.DependencyInjection;

public class GatewayBuilderExtensionsTests
{
    [Fact]
    public void AddProviderType_CalledTwiceInAnyCase_RegistersTheTypeOnce()
    {
        var builder = CreateSut();

        builder.AddFakeProviderType();
        builder.AddProviderType<FakeProviderOptions>("FAKE", static (s, o) => s.Bind(o), static (_, n) => new FakeProvider(n));

        Assert.Single(builder.Services, d => d.ServiceType == typeof(ProviderTypeRegistration));
        Assert.Single(builder.Services, d => d.ServiceType == typeof(IConfigureOptions<FakeProviderOptions>));
    }

    [Fact]
    public void AddProviderInstance_NoPath_DeclaresItUnderTheGatewaySectionsProviders()
    {
        var builder = CreateSut();

        builder.AddProviderInstance("chat", "Fake", strict: true);

        var declaration = (ProviderInstanceDeclaration)Assert.Single(builder.Services, d => d.ServiceType == typeof(ProviderInstanceDeclaration)).ImplementationInstance!;
        Assert.Equal(new ProviderInstance("chat", "Fake", true, string.Empty), declaration.Instance);
        var fake = new ProviderTypeRegistration("Fake", (_, _) => [], (_, _) => throw new InvalidOperationException());
        foreach (var root in new[] { "Gateway", "Apps:Messaging" })
        {
            var catalog = ProviderCatalog.Build(new GatewayOptions(), [fake], [declaration], root);
            Assert.Equal($"{root}:Providers:chat", Assert.Single(catalog.Instances).Instance.ConfigurationPath);
        }
    }

    [Fact]
    public void AddProviderInstance_WithPath_KeepsThePath()
    {
        var builder = CreateSut();

        builder.AddProviderInstance("chat", "Fake", configurationPath: "Chat");

        var declaration = (ProviderInstanceDeclaration)Assert.Single(builder.Services, d => d.ServiceType == typeof(ProviderInstanceDeclaration)).ImplementationInstance!;
        Assert.Equal(new ProviderInstance("chat", "Fake", false, "Chat"), declaration.Instance);
    }

    [Fact]
    public void AddProviderType_InstanceCreated_ReceivesItsNameOnce()
    {
        var created = new List<string>();
        var builder = CreateSut(o =>
        {
            o.Providers["a"] = new ProviderInstanceOptions { Type = "Fake" };
            o.Providers["b"] = new ProviderInstanceOptions { Type = "Fake" };
            o.DefaultProvider = "a";
        });
        builder.AddProviderType<FakeProviderOptions>("Fake", static (s, o) => s.Bind(o), (_, name) =>
        {
            created.Add(name);
            return new FakeProvider(name);
        });

        using var provider = builder.Services.BuildServiceProvider();
        var registry = provider.GetRequiredService<ProviderRegistry>();
        _ = provider.GetRequiredService<ProviderRegistry>();

        Assert.Equal(["a", "b"], created);
        Assert.Equal(["a", "b"], registry.Providers.Select(p => p.Name).ToArray());
    }

    [Fact]
    public void AddProviderTypeAndInstance_NullOrEmptyArguments_Throw()
    {
        var builder = CreateSut();

        Assert.Throws<ArgumentNullException>(() => ((IGatewayBuilder)null!).AddProviderInstance("a", "Fake"));
        Assert.Throws<ArgumentException>(() => builder.AddProviderInstance(" ", "Fake"));
        Assert.Throws<ArgumentException>(() => builder.AddProviderInstance("a", ""));
        Assert.Throws<ArgumentException>(() => builder.AddProviderType<FakeProviderOptions>("", static (s, o) => s.Bind(o), static (_, n) => new FakeProvider(n)));
        Assert.Throws<ArgumentNullException>(() => builder.AddProviderType<FakeProviderOptions>("Fake", null!, static (_, n) => new FakeProvider(n)));
        Assert.Throws<ArgumentNullException>(() => builder.AddProviderType<FakeProviderOptions>("Fake", static (s, o) => s.Bind(o), null!));
    }

    private static IGatewayBuilder CreateSut(Action<GatewayOptions>? configure = null) =>
        new ServiceCollection().AddMessagingGateway(configure ?? (static _ => { }));
}
