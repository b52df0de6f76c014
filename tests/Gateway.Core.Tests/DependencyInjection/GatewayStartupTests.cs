using Gateway.Core.Providers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Tests.DependencyInjection;

/// <summary>Bad configuration must stop the host at startup with a message naming the key, not at the first message.</summary>
public class GatewayStartupTests
{
    public static TheoryData<string, Dictionary<string, string?>, string> BadConfigurations => new()
    {
        {
            "no provider",
            new() { ["Gateway:DefaultProvider"] = "x" },
            "Gateway:Providers: no provider instance is configured"
        },
        {
            "type missing",
            new() { ["Gateway:Providers:im:Strict"] = "true" },
            "Gateway:Providers:im:Type is required; known types: Fake"
        },
        {
            "unknown type",
            new() { ["Gateway:Providers:im:Type"] = "Sms" },
            "Gateway:Providers:im:Type: unknown provider type 'Sms'; known types: Fake"
        },
        {
            "no default among several",
            new() { ["Gateway:Providers:a:Type"] = "Fake", ["Gateway:Providers:b:Type"] = "Fake" },
            "Gateway:DefaultProvider is required when several provider instances are configured (a, b)"
        },
        {
            "default not configured",
            new() { ["Gateway:Providers:a:Type"] = "Fake", ["Gateway:DefaultProvider"] = "tencent" },
            "Gateway:DefaultProvider: 'tencent' is not a configured provider instance; configured: a"
        },
        {
            "max recipients zero",
            new() { ["Gateway:Providers:a:Type"] = "Fake", ["Gateway:MaxRecipients"] = "0" },
            "Gateway:MaxRecipients must be at least 1"
        },
        {
            "idempotency ttl zero",
            new() { ["Gateway:Providers:a:Type"] = "Fake", ["Gateway:Idempotency:TimeToLive"] = "00:00:00" },
            "Gateway:Idempotency:TimeToLive must be positive"
        },
        {
            "idempotency size zero",
            new() { ["Gateway:Providers:a:Type"] = "Fake", ["Gateway:Idempotency:MaxEntries"] = "0" },
            "Gateway:Idempotency:MaxEntries must be at least 1"
        },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public async Task StartAsync_BadConfiguration_FailsNamingTheKey(string problem, Dictionary<string, string?> settings, string expected)
    {
        using var host = CreateHost(settings, new FakeProviderFactory());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.True(error.Failures.Any(f => f.Contains(expected, StringComparison.Ordinal)), $"{problem}: {error.Message}");
    }

    [Fact]
    public async Task StartAsync_InstanceInConfigurationAndInCode_FailsAsDuplicate()
    {
        using var host = CreateHost(
            new() { ["Gateway:Providers:openim:Type"] = "Fake" },
            new FakeProviderFactory(),
            builder => builder.AddProviderInstance("OpenIM", "Fake"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Gateway:Providers:OpenIM: provider instance 'OpenIM' is defined more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ProviderSettingsInvalid_FailsWithTheFactoryMessages()
    {
        var factory = new FakeProviderFactory();
        factory.ValidationErrors.Add("Gateway:Providers:im:BaseUrl is required");
        using var host = CreateHost(new() { ["Gateway:Providers:im:Type"] = "Fake" }, factory);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Gateway:Providers:im:BaseUrl is required", error.Failures);
    }

    [Fact]
    public async Task StartAsync_ValidConfiguration_StartsAndPassesEachInstanceItsSection()
    {
        var factory = new FakeProviderFactory();
        using var host = CreateHost(
            new()
            {
                ["Gateway:DefaultProvider"] = "b",
                ["Gateway:Providers:a:Type"] = "fake",
                ["Gateway:Providers:a:BaseUrl"] = "http://a",
                ["Gateway:Providers:b:Type"] = "Fake",
                ["Gateway:Providers:b:Strict"] = "true",
            },
            factory);

        await host.StartAsync();
        var registry = host.Services.GetRequiredService<Gateway.Core.Routing.MessageProviderRegistry>();
        await host.StopAsync();

        Assert.Equal("b", registry.DefaultProviderName);
        Assert.Equal(["a", "b"], registry.Providers.Select(p => p.Name).Order().ToArray());
        Assert.True(registry.IsStrict("b"));
        Assert.False(registry.IsStrict("a"));
        var a = factory.Validated.First(s => s.Name == "a");
        Assert.Equal(("Gateway:Providers:a", "http://a", "Fake"), (a.ConfigurationPath, a.Configuration["BaseUrl"], a.ProviderType));
    }

    [Fact]
    public async Task StartAsync_OneInstanceAndNoDefault_ThatInstanceIsTheDefault()
    {
        using var host = CreateHost(new() { ["Gateway:Providers:only:Type"] = "Fake" }, new FakeProviderFactory());

        await host.StartAsync();
        var registry = host.Services.GetRequiredService<Gateway.Core.Routing.MessageProviderRegistry>();
        await host.StopAsync();

        Assert.Equal("only", registry.DefaultProviderName);
    }

    [Fact]
    public async Task StartAsync_InstanceDeclaredInCodeWithSection_UsesTheSectionPath()
    {
        var factory = new FakeProviderFactory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Chat:BaseUrl"] = "http://chat", ["Chat:Strict"] = "true" }).Build();
        using var host = CreateHost([], factory, builder => builder.AddProviderInstance("chat", "Fake", configuration.GetSection("Chat")));

        await host.StartAsync();
        var registry = host.Services.GetRequiredService<Gateway.Core.Routing.MessageProviderRegistry>();
        await host.StopAsync();

        // Validation runs once per options cache (startup validator and IOptions), always on the same settings.
        var settings = Assert.Single(factory.Validated.DistinctBy(s => s.Name));
        Assert.Equal(("chat", "Chat", "http://chat"), (settings.Name, settings.ConfigurationPath, settings.Configuration["BaseUrl"]));
        Assert.True(registry.IsStrict("chat"));
    }

    private static IHost CreateHost(Dictionary<string, string?> settings, FakeProviderFactory factory, Action<IGatewayBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IMessageProviderFactory>(factory);
        var gateway = builder.Services.AddMessagingGateway(builder.Configuration.GetSection("Gateway"));
        configure?.Invoke(gateway);
        return builder.Build();
    }
}
