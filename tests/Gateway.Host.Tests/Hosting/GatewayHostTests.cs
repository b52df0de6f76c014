using Gateway.Core.Providers;
using Gateway.Core.Routing;
using Gateway.Host.Hosting;
using Gateway.Host.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Tests.Hosting;

/// <summary>Configuration problems stop the host at startup, naming the key; files and overrides layer as documented.</summary>
public class GatewayHostTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "RabbitMq:Port", "0", "RabbitMq:Port must be between 1 and 65535 (was 0)" },
        { "RabbitMq:Host", "", "RabbitMq:Host is required" },
        { "Messaging:SendMessage:PrefetchCount", "0", "Messaging:SendMessage:PrefetchCount must be at least 1 (was 0)" },
        { "Messaging:RevokeMessage:ConcurrentMessageLimit", "0", "Messaging:RevokeMessage:ConcurrentMessageLimit must be at least 1 (was 0)" },
        { "Messaging:Retry:Limit", "-1", "Messaging:Retry:Limit must be 0 or more (was -1)" },
        { "Messaging:Retry:MinInterval", "00:01:00", "Messaging:Retry:MinInterval must be positive and at most Messaging:Retry:MaxInterval" },
        { "Gateway:DefaultProvider", "tencent", "Gateway:DefaultProvider: 'tencent' is not a configured provider instance; configured: scripted" },
        { "Gateway:Providers:sms:Type", "Sms", "Gateway:Providers:sms:Type: unknown provider type 'Sms'" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task StartAsync_BadSetting_FailsNamingTheKey(string key, string value, string expected)
    {
        using var host = Build(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void CreateBuilder_UnknownTransport_FailsNamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new Dictionary<string, string?> { ["Messaging:Transport"] = "Kafka" }));

        Assert.Contains("Messaging:Transport", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateBuilder_ConfigFile_IsLayeredUnderOverrides()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gateway-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            { "Gateway": { "DefaultProvider": "second", "Providers": { "second": { "Type": "Scripted" } } } }
            """);
        try
        {
            using var host = Build(new Dictionary<string, string?>(), file);
            await host.StartAsync();
            var registry = host.Services.GetRequiredService<MessageProviderRegistry>();
            await host.StopAsync();

            Assert.Equal("second", registry.DefaultProviderName);
            Assert.Equal(["scripted", "second"], registry.Providers.Select(p => p.Name).Order().ToArray());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void CreateBuilder_MissingConfigFile_FailsNamingIt()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Build([], "/nonexistent/gateway.json"));

        Assert.Contains("--config", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Logging")]
    [InlineData("Gateway")]
    [InlineData("Messaging")]
    [InlineData("RabbitMq")]
    [InlineData("Diagnostics")]
    public void AppSettings_ShippedFile_HasEverySection(string section)
    {
        var builder = GatewayHost.CreateBuilder(new GatewayHostSettings { WithBus = false });

        Assert.True(builder.Configuration.GetSection(section).Exists(), $"appsettings.json lacks the {section} section");
        Assert.Equal("RabbitMq", builder.Configuration["Messaging:Transport"]);
    }

    private static IHost Build(Dictionary<string, string?> settings, string? configFile = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "InMemory",
            ["Gateway:Providers:scripted:Type"] = ScriptedProviderFactory.Type,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return GatewayHost.CreateBuilder(new GatewayHostSettings
        {
            IncludeAppSettings = false,
            ConfigFile = configFile,
            Overrides = all,
            ConfigureServices = services => services.AddSingleton<IMessageProviderFactory>(new ScriptedProviderFactory()),
        }).Build();
    }
}
