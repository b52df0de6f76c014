using System.Collections.Concurrent;
using Gateway.Core.Routing;
using Gateway.Core.Tests.Fakes;
using Gateway.Testing;
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
            "Gateway:Providers: no enabled provider instance is configured"
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
            "Gateway:DefaultProvider is required when several provider instances are enabled (a, b)"
        },
        {
            "default not configured",
            new() { ["Gateway:Providers:a:Type"] = "Fake", ["Gateway:DefaultProvider"] = "tencent" },
            "Gateway:DefaultProvider: 'tencent' is not an enabled provider instance; enabled: a"
        },
        {
            "default disabled",
            new() { ["Gateway:Providers:a:Type"] = "Fake", ["Gateway:Providers:b:Type"] = "Fake", ["Gateway:Providers:b:Enabled"] = "false", ["Gateway:DefaultProvider"] = "b" },
            "Gateway:DefaultProvider: 'b' is not an enabled provider instance; enabled: a"
        },
        {
            "every instance disabled",
            new() { ["Gateway:Providers:a:Type"] = "Fake", ["Gateway:Providers:a:Enabled"] = "false" },
            "Gateway:Providers: no enabled provider instance is configured"
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
        using var host = CreateSut(settings);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.True(error.Failures.Any(f => f.Contains(expected, StringComparison.Ordinal)), $"{problem}: {error.Message}");
    }

    [Fact]
    public async Task StartAsync_InstanceInConfigurationAndInCode_FailsAsDuplicate()
    {
        using var host = CreateSut(
            new() { ["Gateway:Providers:openim:Type"] = "Fake" },
            configure: builder => builder.AddProviderInstance("OpenIM", "Fake"));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Gateway:Providers:OpenIM: provider instance 'OpenIM' is defined more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ProviderSettingsInvalid_FailsWithTheTypesValidationByFullKey()
    {
        using var host = CreateSut(
            new() { ["Gateway:Providers:im:Type"] = "Fake", ["Gateway:Providers:im:BaseUrl"] = "" },
            configure: builder => builder.Services.AddSingleton<IValidateOptions<FakeProviderOptions>, FakeProviderOptionsValidator>());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Gateway:Providers:im:BaseUrl is required", error.Failures);
    }

    [Fact]
    public async Task StartAsync_SourceGeneratedRangeBroken_ReportsTheFullKeyAndTheRange()
    {
        using var host = CreateSut(
            new() { ["Gateway:Providers:openim:Type"] = "Fake", ["Gateway:Providers:openim:Retry:MaxRetryAttempts"] = "11" },
            configure: builder => builder.Services.AddSingleton<IValidateOptions<FakeProviderOptions>, FakeProviderOptionsValidator>());

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["Gateway:Providers:openim:Retry:MaxRetryAttempts must be between 0 and 10"], error.Failures);
    }

    [Fact]
    public async Task StartAsync_ProviderSettingNotConvertible_NamesTheKeyWithoutTheValue()
    {
        const string secret = "sk-live-7f3a9c";
        using var host = CreateSut(new() { ["Gateway:Providers:b:Type"] = "Fake", ["Gateway:Providers:b:Mode"] = secret });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["Gateway:Providers:b:Mode must be one of Fast, Safe"], error.Failures);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_GatewaySettingNotConvertible_FailsWithoutRepeatingTheValue()
    {
        // A secret pasted one line too high lands in the gateway's own section (bound by AddMessagingGateway, not by a provider type).
        const string secret = "sk-live-7f3a9c";
        using var host = CreateSut(new() { ["Gateway:Providers:a:Type"] = "Fake", ["Gateway:Providers:a:Strict"] = secret });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        for (var e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(secret, e.Message, StringComparison.Ordinal);
        }

        Assert.Contains("Gateway:Providers:a:Strict", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ValidConfiguration_StartsAndBindsEachInstanceFromItsSection()
    {
        var bound = new ConcurrentDictionary<string, FakeProviderOptions>();
        using var host = CreateSut(
            new()
            {
                ["Gateway:DefaultProvider"] = "b",
                ["Gateway:Providers:a:Type"] = "fake",
                ["Gateway:Providers:a:BaseUrl"] = "http://a",
                ["Gateway:Providers:b:Type"] = "Fake",
                ["Gateway:Providers:b:Strict"] = "true",
            },
            bound);

        await host.StartAsync();
        var registry = host.Services.GetRequiredService<ProviderRegistry>();
        await host.StopAsync();

        Assert.Equal("b", registry.DefaultProviderName);
        Assert.Equal(["a", "b"], registry.Providers.Select(p => p.Name).Order().ToArray());
        Assert.True(registry.TryFind("b", out _, out var bStrict) && bStrict);
        Assert.True(registry.TryFind("a", out _, out var aStrict) && !aStrict);
        Assert.Equal(("http://a", "http://fake.example"), (bound["a"].BaseUrl, bound["b"].BaseUrl));
    }

    [Fact]
    public async Task StartAsync_OneInstanceAndNoDefault_ThatInstanceIsTheDefault()
    {
        using var host = CreateSut(new() { ["Gateway:Providers:only:Type"] = "Fake" });

        await host.StartAsync();
        var registry = host.Services.GetRequiredService<ProviderRegistry>();
        await host.StopAsync();

        Assert.Equal("only", registry.DefaultProviderName);
    }

    [Fact]
    public async Task StartAsync_DisabledInstance_IsNeitherValidatedNorCreated()
    {
        var bound = new ConcurrentDictionary<string, FakeProviderOptions>();
        using var host = CreateSut(
            new()
            {
                ["Gateway:Providers:a:Type"] = "Fake",
                ["Gateway:Providers:b:Type"] = "Sms",
                ["Gateway:Providers:b:Enabled"] = "false",
                ["Gateway:Providers:c:Type"] = "Fake",
                ["Gateway:Providers:c:Enabled"] = "false",
                ["Gateway:Providers:c:Retry:MaxRetryAttempts"] = "99",
            },
            bound,
            builder => builder.Services.AddSingleton<IValidateOptions<FakeProviderOptions>, FakeProviderOptionsValidator>());

        await host.StartAsync();
        var registry = host.Services.GetRequiredService<ProviderRegistry>();
        await host.StopAsync();

        Assert.Equal(("a", "a"), (Assert.Single(registry.Providers).Name, registry.DefaultProviderName));
        Assert.Equal(["a"], bound.Keys);
        Assert.False(registry.TryFind("c", out _, out _));
    }

    [Fact]
    public async Task StartAsync_InstanceDeclaredInCodeWithSection_BindsItFromThatSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Chat:BaseUrl"] = "http://chat" }).Build();
        var bound = new ConcurrentDictionary<string, FakeProviderOptions>();
        using var host = CreateSut([], bound, builder =>
        {
            builder.Services.Configure<FakeProviderOptions>("chat", configuration.GetSection("Chat"));
            builder.AddProviderInstance("chat", "Fake", strict: true, configurationPath: "Chat");
        });

        await host.StartAsync();
        var registry = host.Services.GetRequiredService<ProviderRegistry>();
        await host.StopAsync();

        Assert.Equal("chat", Assert.Single(registry.Providers).Name);
        Assert.Equal("http://chat", bound["chat"].BaseUrl);
        Assert.True(registry.TryFind("CHAT", out _, out var strict) && strict);
    }

    [Fact]
    public async Task StartAsync_InstanceDeclaredInCodeWithInvalidSection_ReportsTheSectionPath()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Chat:BaseUrl"] = "" }).Build();
        using var host = CreateSut([], configure: builder =>
        {
            builder.Services.AddSingleton<IValidateOptions<FakeProviderOptions>, FakeProviderOptionsValidator>();
            builder.Services.Configure<FakeProviderOptions>("chat", configuration.GetSection("Chat"));
            builder.AddProviderInstance("chat", "Fake", configurationPath: "Chat");
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["Chat:BaseUrl is required"], error.Failures);
    }

    [Fact]
    public async Task StartAsync_CodeConfigurationAfterTheSection_WinsOverTheSection()
    {
        var bound = new ConcurrentDictionary<string, FakeProviderOptions>();
        using var host = CreateSut(
            new() { ["Gateway:Providers:im:Type"] = "Fake", ["Gateway:Providers:im:BaseUrl"] = "http://from-config", ["Gateway:Providers:im:Secret"] = "kept" },
            bound,
            builder => builder.Services.Configure<FakeProviderOptions>("im", o => o.BaseUrl = "http://from-code"));

        await host.StartAsync();
        _ = host.Services.GetRequiredService<ProviderRegistry>();
        await host.StopAsync();

        Assert.Equal(("http://from-code", "kept"), (bound["im"].BaseUrl, bound["im"].Secret));
    }

    private static IHost CreateSut(
        Dictionary<string, string?> settings,
        ConcurrentDictionary<string, FakeProviderOptions>? bound = null,
        Action<IGatewayBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        var gateway = builder.Services.AddMessagingGateway(builder.Configuration.GetSection("Gateway"));
        gateway.AddProviderType<FakeProviderOptions>(
            FakeProviderType.Name,
            static (section, options) => section.Bind(options),
            (services, name) =>
            {
                bound?.TryAdd(name, services.GetRequiredService<IOptionsMonitor<FakeProviderOptions>>().Get(name));
                return new FakeProvider(name);
            });
        configure?.Invoke(gateway);
        return builder.Build();
    }
}
