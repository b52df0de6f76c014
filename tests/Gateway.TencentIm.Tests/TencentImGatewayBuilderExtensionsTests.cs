using Gateway.Core;
using Gateway.Core.Providers;
using Gateway.Core.Routing;
using Gateway.TencentIm.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Gateway.TencentIm.Tests;

public sealed class TencentImGatewayBuilderExtensionsTests
{
    private const string Secret = "do-not-leak-this-secret-key";

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static Dictionary<string, string?> ValidInstance(string name = "tencent-sg") => new()
    {
        [$"Gateway:Providers:{name}:Type"] = "TencentIm",
        [$"Gateway:Providers:{name}:SdkAppId"] = "1400000000",
        [$"Gateway:Providers:{name}:SecretKey"] = Secret,
        [$"Gateway:Providers:{name}:Region"] = "Singapore",
    };

    [Fact]
    public void AddTencentIm_CalledTwice_RegistersTheProviderTypeOnce()
    {
        var services = new ServiceCollection();

        services.AddMessagingGateway().AddTencentIm().AddTencentIm();

        Assert.Single(services, d => d.ServiceType == typeof(IMessageProviderFactory) && d.ImplementationType == typeof(TencentImProviderFactory));
        Assert.Single(services, d => d.ServiceType == typeof(IConfigureOptions<HttpClientFactoryOptions>) && d.ImplementationType == typeof(TencentImHttpClientConfigurator));
    }

    [Fact]
    public void AddTencentIm_InstanceFromGatewayConfiguration_IsCreatedWithItsKeys()
    {
        var values = ValidInstance();
        values["Gateway:Providers:tencent-sg:AdminIdentifier"] = "ops";
        values["Gateway:Providers:tencent-sg:BatchSize"] = "200";
        values["Gateway:Providers:tencent-sg:Quotas:RequestsPerSecond"] = "100";
        values["Gateway:Providers:tencent-sg:Resilience:AttemptTimeout"] = "00:00:05";
        values["Gateway:Providers:tencent-sg:UserSigLifetime"] = "2.00:00:00";
        var services = new ServiceCollection();
        services.AddMessagingGateway(Configuration(values).GetSection("Gateway")).AddTencentIm();
        using var provider = services.BuildServiceProvider();

        var instance = provider.GetRequiredService<MessageProviderRegistry>().Find("tencent-sg");

        Assert.NotNull(instance);
        Assert.Equal("TencentIm", instance.ProviderType);
        Assert.Equal(200, instance.Capabilities.MaxRecipientsPerCall);
        var state = provider.GetRequiredService<TencentImInstanceRegistry>().Get("tencent-sg");
        Assert.Equal(new Uri("https://adminapisgp.im.qcloud.com/"), state.BaseAddress);
        Assert.Equal("ops", state.Options.AdminIdentifier);
        Assert.Equal(100, state.Options.Quotas.RequestsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(5), state.Options.Resilience.AttemptTimeout);
        Assert.Equal(TimeSpan.FromDays(2), state.Options.UserSigLifetime);
    }

    [Fact]
    public void AddTencentIm_Section_CreatesAnInstanceNamedAfterTheSectionKey()
    {
        var configuration = Configuration(new()
        {
            ["Im:tencent-de:SdkAppId"] = "1400000001",
            ["Im:tencent-de:SecretKey"] = Secret,
            ["Im:tencent-de:Region"] = "Frankfurt",
            ["Im:tencent-de:UseBackupDomain"] = "true",
        });
        var services = new ServiceCollection();
        services.AddMessagingGateway().AddTencentIm(configuration.GetSection("Im:tencent-de"));
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<MessageProviderRegistry>().Find("tencent-de"));
        Assert.Equal(new Uri("https://adminapiger.my-imcloud.com/"), provider.GetRequiredService<TencentImInstanceRegistry>().Get("tencent-de").BaseAddress);
    }

    [Fact]
    public void AddTencentIm_CodeConfigured_DefaultsToTheNameTencent()
    {
        var services = new ServiceCollection();
        services.AddMessagingGateway().AddTencentIm(o =>
        {
            o.SdkAppId = 1_400_000_000;
            o.SecretKey = Secret;
            o.BaseUrl = new Uri("http://127.0.0.1:9/tencent");
        });
        using var provider = services.BuildServiceProvider();

        Assert.Equal("tencent", provider.GetRequiredService<MessageProviderRegistry>().DefaultProviderName);
        Assert.Equal(new Uri("http://127.0.0.1:9/tencent/"), provider.GetRequiredService<TencentImInstanceRegistry>().Get("tencent").BaseAddress);
    }

    [Theory]
    [InlineData(TencentImRegion.China, false, "console.tim.qq.com")]
    [InlineData(TencentImRegion.China, true, "adminapi.my-imcloud.com")]
    [InlineData(TencentImRegion.Singapore, false, "adminapisgp.im.qcloud.com")]
    [InlineData(TencentImRegion.Seoul, false, "adminapikr.im.qcloud.com")]
    [InlineData(TencentImRegion.Tokyo, false, "adminapijpn.im.qcloud.com")]
    [InlineData(TencentImRegion.Frankfurt, false, "adminapiger.im.qcloud.com")]
    [InlineData(TencentImRegion.SiliconValley, false, "adminapiusa.im.qcloud.com")]
    [InlineData(TencentImRegion.SiliconValley, true, "adminapiusa.my-imcloud.com")]
    [InlineData(TencentImRegion.Jakarta, false, "adminapiidn.im.qcloud.com")]
    [InlineData(TencentImRegion.Mumbai, false, "adminapiind.im.qcloud.com")]
    public void BaseAddress_Region_IsTheReferenceDomainOverHttps(TencentImRegion region, bool backup, string host)
    {
        var address = TencentImDomains.BaseAddress(new TencentImOptions { Region = region, UseBackupDomain = backup });

        Assert.Equal(new Uri($"https://{host}/"), address);
    }

    [Fact]
    public void Validate_EmptyInstance_NamesEveryMissingKey()
    {
        var errors = Validate(new() { ["Gateway:Providers:t:Type"] = "TencentIm" });

        Assert.Contains(errors, e => e.StartsWith("Gateway:Providers:t:SdkAppId is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Gateway:Providers:t:SecretKey is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Gateway:Providers:t:Region is required", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
    }

    [Theory]
    [InlineData("BatchSize", "501", "Gateway:Providers:t:BatchSize must be between 2 and 500")]
    [InlineData("MaxBodyBytes", "20000", "Gateway:Providers:t:MaxBodyBytes must be between")]
    [InlineData("AdminIdentifier", "", "Gateway:Providers:t:AdminIdentifier is required")]
    [InlineData("UserSigLifetime", "00:01:00", "Gateway:Providers:t:UserSigLifetime must be between")]
    [InlineData("UserSigRefreshSkew", "1.00:00:00", "Gateway:Providers:t:UserSigRefreshSkew must be positive and at most half")]
    [InlineData("Quotas:RequestsPerSecond", "1", "Gateway:Providers:t:Quotas:RequestsPerSecond must be between")]
    [InlineData("Quotas:BatchRecipientsPerMinute", "600", "Gateway:Providers:t:Quotas:BatchRecipientsPerMinute must be at least twice")]
    [InlineData("Quotas:SafetyMargin", "0.95", "Gateway:Providers:t:Quotas:SafetyMargin must be between")]
    [InlineData("Retry:MaxRetries", "11", "Gateway:Providers:t:Retry:MaxRetries must be between")]
    [InlineData("Retry:BaseDelay", "00:01:00", "Gateway:Providers:t:Retry:BaseDelay must be between")]
    [InlineData("Retry:RateLimitDelay", "00:00:00.500", "Gateway:Providers:t:Retry:RateLimitDelay must be between 00:00:01")]
    [InlineData("Resilience:AttemptTimeout", "00:01:00", "Gateway:Providers:t:Resilience:AttemptTimeout must be positive and less than")]
    [InlineData("Resilience:TotalTimeout", "00:02:00", "Gateway:Providers:t:Resilience:TotalTimeout must be at most 00:01:50")]
    [InlineData("Resilience:SamplingDuration", "00:00:05", "Gateway:Providers:t:Resilience:SamplingDuration must be at least twice")]
    [InlineData("Resilience:FailureRatio", "0", "Gateway:Providers:t:Resilience:FailureRatio must be between")]
    [InlineData("BaseUrl", "ftp://example/", "Gateway:Providers:t:BaseUrl must be an absolute http or https URL")]
    [InlineData("Region", "Mars", "Gateway:Providers:t")]
    [InlineData("SdkAppId", "not-a-number", "Gateway:Providers:t")]
    public void Validate_InvalidValue_NamesTheKey(string key, string value, string expected)
    {
        var values = Valid();
        values["Gateway:Providers:t:" + key] = value;
        if (key == "BaseUrl")
        {
            values.Remove("Gateway:Providers:t:Region");
        }

        var errors = Validate(values);

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RegionAndBaseUrlTogether_AsksForOne()
    {
        var values = Valid();
        values["Gateway:Providers:t:BaseUrl"] = "http://127.0.0.1:1234/";

        Assert.Contains(Validate(values), e => e.StartsWith("Gateway:Providers:t:BaseUrl: set either", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BackupDomainForTokyo_IsRefused()
    {
        var values = Valid();
        values["Gateway:Providers:t:Region"] = "Tokyo";
        values["Gateway:Providers:t:UseBackupDomain"] = "true";

        Assert.Contains(Validate(values), e => e.StartsWith("Gateway:Providers:t:UseBackupDomain", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ValidInstance_HasNoProblem()
    {
        Assert.Empty(Validate(Valid()));
    }

    [Fact]
    public void Startup_InvalidInstance_FailsNamingTheKey()
    {
        var values = Valid();
        values.Remove("Gateway:Providers:t:SecretKey");
        var services = new ServiceCollection();
        services.AddMessagingGateway(Configuration(values).GetSection("Gateway")).AddTencentIm();
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IMessageGateway>());

        Assert.Contains("Gateway:Providers:t:SecretKey is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ConfigurationAndCodeInstances_AreConfiguredIndependently()
    {
        var values = Valid();
        values["Gateway:Providers:t:BatchSize"] = "100";
        values["Gateway:DefaultProvider"] = "t";
        var services = new ServiceCollection();
        services.AddMessagingGateway(Configuration(values).GetSection("Gateway")).AddTencentIm("other", o =>
        {
            o.SdkAppId = 1;
            o.SecretKey = Secret;
            o.Region = TencentImRegion.China;
            o.BatchSize = 50;
        });
        using var provider = services.BuildServiceProvider();

        var registry = provider.GetRequiredService<MessageProviderRegistry>();

        Assert.Equal(100, registry.Find("t")!.Capabilities.MaxRecipientsPerCall);
        Assert.Equal(50, registry.Find("other")!.Capabilities.MaxRecipientsPerCall);
    }

    private static Dictionary<string, string?> Valid() => new()
    {
        ["Gateway:Providers:t:Type"] = "TencentIm",
        ["Gateway:Providers:t:SdkAppId"] = "1400000000",
        ["Gateway:Providers:t:SecretKey"] = Secret,
        ["Gateway:Providers:t:Region"] = "China",
    };

    private static IReadOnlyList<string> Validate(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddMessagingGateway().AddTencentIm();
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetServices<IMessageProviderFactory>().Single(f => f.ProviderType == "TencentIm");
        return factory.Validate(new ProviderInstanceSettings
        {
            Name = "t",
            ProviderType = "TencentIm",
            ConfigurationPath = "Gateway:Providers:t",
            Configuration = Configuration(values).GetSection("Gateway:Providers:t"),
        });
    }
}
