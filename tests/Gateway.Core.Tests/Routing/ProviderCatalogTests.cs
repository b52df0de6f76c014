using Gateway.Core.Routing;
using Gateway.Testing;

namespace Gateway.Core.Tests.Routing;

public class ProviderCatalogTests
{
    private static readonly ProviderTypeRegistration Fake = new("Fake", static (_, _) => [], static (_, name) => new FakeProvider(name));

    [Fact]
    public void Build_DisabledInstance_IsSkipped()
    {
        var options = Options(("a", "Fake", true), ("b", "Fake", false));

        var catalog = CreateSut(options);

        Assert.Empty(catalog.Errors);
        Assert.Equal(["a"], catalog.Instances.Select(i => i.Instance.Name).ToArray());
        Assert.Equal("a", catalog.DefaultProvider);
    }

    [Fact]
    public void Build_CodeDeclaredInstanceDisabledByConfiguration_IsSkipped()
    {
        var options = Options(("a", "Fake", true), ("coded", null, false));
        var declaration = new ProviderInstanceDeclaration(new ProviderInstance("coded", "Fake", false, string.Empty));

        var catalog = ProviderCatalog.Build(options, [Fake], [declaration], "Gateway");

        Assert.Empty(catalog.Errors);
        Assert.Equal(["a"], catalog.Instances.Select(i => i.Instance.Name).ToArray());
    }

    [Fact]
    public void Build_ConfigurationEntryWithoutTypeForACodeDeclaredInstance_OnlySetsItsOptions()
    {
        // Gateway__Providers__coded__Secret from the environment for an instance added with AddXxx(o => ...).
        var options = Options(("coded", null, true));
        var declaration = new ProviderInstanceDeclaration(new ProviderInstance("coded", "Fake", true, string.Empty));

        var catalog = ProviderCatalog.Build(options, [Fake], [declaration], "Gateway");

        Assert.Empty(catalog.Errors);
        var instance = Assert.Single(catalog.Instances).Instance;
        Assert.Equal(("coded", "Fake", true, "Gateway:Providers:coded"), (instance.Name, instance.TypeName, instance.Strict, instance.ConfigurationPath));
    }

    [Fact]
    public void Build_DisabledInstanceWithUnknownOrMissingType_IsNotReported()
    {
        var options = Options(("a", "Fake", true), ("b", "Sms", false), ("c", null, false));

        var catalog = CreateSut(options);

        Assert.Empty(catalog.Errors);
        Assert.Single(catalog.Instances);
    }

    [Fact]
    public void Build_DefaultNamesADisabledInstance_ReportsItWithTheEnabledOnes()
    {
        var options = Options(("a", "Fake", true), ("b", "Fake", false), ("c", "Fake", true));
        options.DefaultProvider = "B";

        var catalog = CreateSut(options);

        Assert.Null(catalog.DefaultProvider);
        Assert.Equal(["Gateway:DefaultProvider: 'B' is not an enabled provider instance; enabled: a, c"], catalog.Errors);
    }

    [Fact]
    public void Build_EveryInstanceDisabled_ReportsNoEnabledInstance()
    {
        var catalog = CreateSut(Options(("a", "Fake", false)));

        var error = Assert.Single(catalog.Errors);
        Assert.StartsWith("Gateway:Providers: no enabled provider instance is configured; add one under Gateway:Providers:<name> with a Type (Fake)", error, StringComparison.Ordinal);
        Assert.Empty(catalog.Instances);
    }

    [Fact]
    public void Build_DefaultInOtherCase_ResolvesToTheConfiguredName()
    {
        var options = Options(("OpenIm", "Fake", true), ("tencent", "Fake", true));
        options.DefaultProvider = "openim";

        Assert.Equal("OpenIm", CreateSut(options).DefaultProvider);
    }

    [Fact]
    public void Build_TypeInOtherCase_UsesTheRegisteredTypeName()
    {
        var (instance, type) = Assert.Single(CreateSut(Options(("a", "fAKE", true))).Instances);

        Assert.Equal(new ProviderInstance("a", "Fake", false, "Gateway:Providers:a"), instance);
        Assert.Same(Fake, type);
    }

    [Fact]
    public void Build_StrictInstance_KeepsStrict()
    {
        var options = Options(("a", "Fake", true));
        options.Providers["a"].Strict = true;

        Assert.True(Assert.Single(CreateSut(options).Instances).Instance.Strict);
    }

    [Fact]
    public void Build_DeclaredInCode_KeepsItsPathBesideConfiguredOnes()
    {
        var options = Options(("a", "Fake", true));
        options.DefaultProvider = "a";
        var declared = new ProviderInstanceDeclaration(new ProviderInstance("chat", "Fake", true, "Chat"));

        var catalog = CreateSut(options, declared);

        Assert.Empty(catalog.Errors);
        Assert.Equal(
            [("a", "Gateway:Providers:a"), ("chat", "Chat")],
            catalog.Instances.Select(i => (i.Instance.Name, i.Instance.ConfigurationPath)).ToArray());
    }

    [Fact]
    public void Build_NoTypeRegistered_SaysHowToRegisterOne()
    {
        var catalog = ProviderCatalog.Build(Options(("a", "OpenIm", true)), [], [], "Gateway");

        Assert.Equal(
            ["Gateway:Providers:a:Type: unknown provider type 'OpenIm'; known types: none registered (call AddOpenIm() or AddTencentIm() on the gateway builder)"],
            catalog.Errors);
    }

    [Fact]
    public void Build_OtherRoot_UsesItInEveryKey()
    {
        var catalog = ProviderCatalog.Build(Options(("a", null, true)), [Fake], [], "Messaging:Gateway");

        Assert.Equal(["Messaging:Gateway:Providers:a:Type is required; known types: Fake"], catalog.Errors);
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
