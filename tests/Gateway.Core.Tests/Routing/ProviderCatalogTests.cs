using Gateway.Core.Routing;
using Gateway.Testing;

namespace Gateway.Core.Tests.Routing;

public class ProviderCatalogTests
{
    private static readonly ProviderTypeRegistration Fake = new("Fake", static (_, _) => [], static (_, name) => new FakeProvider(name));

    [Fact]
    public void Build_TypeInOtherCase_UsesTheRegisteredTypeName()
    {
        var (instance, type) = Assert.Single(CreateSut(Options(("a", "fAKE", true))).Instances);

        Assert.Equal(new ProviderInstance("a", "Fake", false, "Gateway:Providers:a"), instance);
        Assert.Same(Fake, type);
    }

    private static ProviderCatalog CreateSut(GatewayOptions options, params ProviderInstanceDeclaration[] declarations) =>
        ProviderCatalog.Build(options, [Fake], declarations, "Gateway");

    private static GatewayOptions Options(params (string Name, string? Type, bool Enabled)[] instances)
    {
        var options = new GatewayOptions();
        foreach (var (name, type, enabled) in instances)
        {
            options.Providers[name] = new ProviderInstanceOptions { Type = type, Enabled = enabled };
        }

        return options;
    }
}
