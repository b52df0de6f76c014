using Gateway.Core.Routing;
using Gateway.Host.Diagnostics;
using Gateway.Host.Hosting;
using Gateway.Host.Messaging;
using Gateway.Host.Tests.Support;
using Gateway.TencentIm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Tests.Hosting;

/// <summary>
/// Configuration problems stop the host before anything starts (<see cref="GatewayHost.Validate"/>), naming the key;
/// files and overrides layer as documented; the shipped appsettings.json declares no provider.
/// </summary>
public sealed class GatewayHostTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "RabbitMq:Port", "0", "RabbitMq:Port must be between 1 and 65535 (was 0)" },
        { "RabbitMq:Host", "", "RabbitMq:Host is required" },
        { "Messaging:SendMessage:PrefetchCount", "0", "Messaging:SendMessage:PrefetchCount must be at least 1 (was 0)" },
        { "Messaging:RevokeMessage:ConcurrentMessageLimit", "0", "Messaging:RevokeMessage:ConcurrentMessageLimit must be at least 1 (was 0)" },
        { "Messaging:Retry:Limit", "-1", "Messaging:Retry:Limit must be between 0 and 10 (was -1)" },
        { "Messaging:Retry:MinInterval", "00:01:00", "Messaging:Retry:MinInterval must be positive and at most Messaging:Retry:MaxInterval" },
        { "Messaging:Redelivery:Budget", "-00:00:01", "Messaging:Redelivery:Budget must not be negative" },
        { "Messaging:Redelivery:Steps:0:Delay", "00:00:00.500", "Messaging:Redelivery:Steps:0:Delay must be between 00:00:01 and 1.00:00:00" },
        { "Diagnostics:Port", "70000", "Diagnostics:Port must be between 0 and 65535" },
        { "Gateway:DefaultProvider", "tencent", "Gateway:DefaultProvider: 'tencent' is not an enabled provider instance; enabled: scripted" },
        { "Gateway:Providers:sms:Type", "Sms", "Gateway:Providers:sms:Type: unknown provider type 'Sms'" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_BadSetting_FailsNamingTheKey(string key, string value, string expected)
    {
        using var host = Build(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => GatewayHost.Validate(host));

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadSettingsInSeveralSections_ReportsThemAllAtOnce()
    {
        using var host = Build(new Dictionary<string, string?> { ["RabbitMq:Port"] = "0", ["Messaging:Retry:Limit"] = "11", ["Gateway:MaxRecipients"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => GatewayHost.Validate(host));

        Assert.Contains(error.Failures, f => f.StartsWith("RabbitMq:Port", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Messaging:Retry:Limit", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Gateway:MaxRecipients", StringComparison.Ordinal));
    }

    [Fact]
    public void AddGatewayBus_UnknownTransport_FailsNamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new Dictionary<string, string?> { ["Messaging:Transport"] = "Kafka" }));

        Assert.Contains("Messaging:Transport", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateBuilder_ConfigFile_IsLayeredUnderOverrides()
    {
        using var file = HostProcess.WriteTemp("""
            { "Gateway": { "DefaultProvider": "second", "Providers": { "second": { "Type": "Scripted" } } } }
            """);
        using var host = Build([], file.Path);

        GatewayHost.Validate(host);
        await host.StartAsync();
        var registry = host.Services.GetRequiredService<ProviderRegistry>();
        await host.StopAsync();

        Assert.Equal("second", registry.DefaultProviderName);
        Assert.Equal(["scripted", "second"], registry.Providers.Select(p => p.Name).Order().ToArray());
    }

    [Fact]
    public void CreateBuilder_MissingConfigFile_FailsNamingIt()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Build([], "/nonexistent/gateway.json"));

        Assert.Contains("--config", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BaseUrlInALaterLayer_WinsOverTheRegionOfAnEarlierOne()
    {
        using var file = HostProcess.WriteTemp("""
            { "Gateway": { "Providers": { "tencent": { "Type": "TencentIm", "SdkAppId": 1400000000, "SecretKey": "k", "Region": "Singapore" } } } }
            """);
        using var host = Build(new Dictionary<string, string?> { ["Gateway:Providers:tencent:BaseUrl"] = "http://127.0.0.1:9/proxy/" }, file.Path, scripted: false);

        GatewayHost.Validate(host);

        var options = host.Services.GetRequiredService<IOptionsMonitor<TencentImOptions>>().Get("tencent");
        Assert.Equal((new Uri("http://127.0.0.1:9/proxy/"), TencentImRegion.Singapore), (options.BaseUrl, options.Region));
    }

    [Theory]
    [InlineData("Logging")]
    [InlineData("Gateway")]
    [InlineData("Messaging")]
    [InlineData("RabbitMq")]
    [InlineData("Diagnostics")]
    public void AppSettings_ShippedFile_HasEverySection(string section)
    {
        var builder = GatewayHost.CreateBuilder(new GatewayHostSettings());

        Assert.True(builder.Configuration.GetSection(section).Exists(), $"appsettings.json lacks the {section} section");
        Assert.Equal("RabbitMq", builder.Configuration["Messaging:Transport"]);
    }

    [Fact]
    public void AppSettings_ShippedFile_DeclaresNoProviderAndTheDocumentedDefaults()
    {
        var configuration = GatewayHost.CreateBuilder(new GatewayHostSettings()).Configuration;
        var messaging = configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>()!;

        Assert.Empty(configuration.GetSection("Gateway:Providers").GetChildren());
        Assert.Equal((2, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)), (messaging.Retry.Limit, messaging.Retry.MinInterval, messaging.Retry.MaxInterval));
        Assert.Equal(TimeSpan.FromHours(1), messaging.Redelivery.Budget);
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)], messaging.Redelivery.Schedule.Select(s => s.Delay).ToArray());
        Assert.Equal("True", configuration["RabbitMq:QuorumQueues"]);
        Assert.Null(configuration["Diagnostics:Port"]);
    }

    [Fact]
    public void Validate_ShippedAppSettingsWithOneProviderAddedLater_StartsWithThatProviderAsTheDefault()
    {
        var builder = GatewayHost.CreateBuilder(new GatewayHostSettings
        {
            Overrides = new Dictionary<string, string?>
            {
                ["Gateway:Providers:openim:Type"] = "OpenIm",
                ["Gateway:Providers:openim:BaseUrl"] = "http://127.0.0.1:9",
                ["Gateway:Providers:openim:Secret"] = "s",
            },
        });
        builder.Services.AddGatewayBus(builder.Configuration, consumeCommands: true);
        using var host = builder.Build();

        GatewayHost.Validate(host);

        var registry = host.Services.GetRequiredService<ProviderRegistry>();
        Assert.Equal(("openim", 1), (registry.DefaultProviderName, registry.Providers.Count));
    }

    [Fact]
    public void Validate_ShippedAppSettingsAlone_FailsNamingGatewayProvidersAndTheSamples()
    {
        var builder = GatewayHost.CreateBuilder(new GatewayHostSettings());
        builder.Services.AddGatewayBus(builder.Configuration, consumeCommands: true);
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => GatewayHost.Validate(host));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("Gateway:Providers: no enabled provider instance is configured", failure, StringComparison.Ordinal);
        Assert.Contains("samples/config/", failure, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings, string? configFile = null, bool scripted = true)
    {
        var all = new Dictionary<string, string?> { ["Messaging:Transport"] = "InMemory" };
        if (scripted)
        {
            all[$"Gateway:Providers:{ScriptedProviders.Name}:Type"] = ScriptedProviders.Type;
        }

        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var builder = GatewayHost.CreateBuilder(new GatewayHostSettings { IncludeAppSettings = false, ConfigFile = configFile, Overrides = all });
        builder.Services.AddMessagingGateway().AddScriptedProviderType(new ScriptedProviders());
        builder.Services.AddGatewayBus(builder.Configuration, consumeCommands: true);
        builder.Services.AddGatewayDiagnosticsListener(builder.Configuration);
        builder.Services.AddGatewayTelemetry(builder.Configuration);
        return builder.Build();
    }
}
