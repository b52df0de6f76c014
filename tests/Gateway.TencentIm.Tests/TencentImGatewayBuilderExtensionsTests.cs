using Gateway.Core;
using Gateway.Core.Http;
using Gateway.Testing;
using Gateway.TencentIm.Auth;
using Gateway.TencentIm.Client;
using Gateway.TencentIm.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

    private static Dictionary<string, string?> Valid() => new()
    {
        ["Gateway:Providers:t:Type"] = "TencentIm",
        ["Gateway:Providers:t:SdkAppId"] = "1400000000",
        ["Gateway:Providers:t:SecretKey"] = Secret,
        ["Gateway:Providers:t:Region"] = "China",
    };

    /// <summary>Every problem the startup check reports for the configuration (empty when it is valid).</summary>
    private static IReadOnlyList<string> Validate(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddMessagingGateway(Configuration(values).GetSection("Gateway")).AddTencentIm();
        using var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException exception)
        {
            return [.. exception.Failures];
        }
    }

    private static TencentImMessageProvider ProviderOf(IServiceProvider services, string name) =>
        ActivatorUtilities.CreateInstance<TencentImMessageProvider>(services, name);

    [Fact]
    public void AddTencentIm_CalledTwice_RegistersTheProviderTypeOnce()
    {
        var services = new ServiceCollection();

        services.AddMessagingGateway().AddTencentIm().AddTencentIm();

        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<TencentImOptions>) && d.ImplementationType == typeof(TencentImOptionsValidator));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<TencentImOptions>) && d.ImplementationType == typeof(TencentImOptionsRules));
        Assert.Single(services, d => d.ServiceType == typeof(UserSigCache) && d.IsKeyedService);
        Assert.Single(services, d => d.ServiceType == typeof(ProviderClients<TencentImClient>));
    }

    [Fact]
    public void AddTencentIm_InstanceFromGatewayConfiguration_IsCreatedWithItsKeys()
    {
        var values = ValidInstance();
        values["Gateway:Providers:tencent-sg:AdminIdentifier"] = "ops";
        values["Gateway:Providers:tencent-sg:BatchSize"] = "200";
        values["Gateway:Providers:tencent-sg:RateLimit:RequestsPerSecond"] = "100";
        values["Gateway:Providers:tencent-sg:Resilience:AttemptTimeout"] = "00:00:05";
        values["Gateway:Providers:tencent-sg:Resilience:Retry:MaxRetryAttempts"] = "2";
        values["Gateway:Providers:tencent-sg:UserSigLifetime"] = "2.00:00:00";
        var services = new ServiceCollection();
        services.AddMessagingGateway(Configuration(values).GetSection("Gateway")).AddTencentIm();
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IMessageGateway>());
        var instance = ProviderOf(provider, "tencent-sg");
        Assert.Equal("TencentIm", instance.ProviderType);
        Assert.Equal(200, instance.Capabilities.MaxRecipientsPerCall);
        var options = provider.GetRequiredService<IOptionsMonitor<TencentImOptions>>().Get("tencent-sg");
        Assert.Equal(new Uri("https://adminapisgp.im.qcloud.com/"), new TencentImTarget("tencent-sg", options).BaseUri);
        Assert.Equal("ops", options.AdminIdentifier);
        Assert.Equal(100, options.RateLimit.RequestsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Resilience.AttemptTimeout);
        Assert.Equal(2, options.Resilience.Retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Resilience.TotalTimeout); // Tencent's default kept beside the bound keys
        Assert.Equal(TimeSpan.FromDays(2), options.UserSigLifetime);
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

        Assert.NotNull(provider.GetRequiredService<IMessageGateway>());
        var options = provider.GetRequiredService<IOptionsMonitor<TencentImOptions>>().Get("tencent-de");
        Assert.Equal(1_400_000_001, options.SdkAppId);
        Assert.Equal(new Uri("https://adminapiger.my-imcloud.com/"), TencentImDomains.BaseAddress(options));
    }

    [Fact]
    public async Task AddTencentIm_CodeConfigured_DefaultsToTheNameTencent()
    {
        var stub = new StubHandler(_ => StubHandler.Json("""{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":"","MsgTime":1767225600,"MsgKey":"1_2_3"}"""));
        var services = new ServiceCollection();
        services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => stub));
        services.AddMessagingGateway().AddTencentIm(o =>
        {
            o.SdkAppId = 1_400_000_000;
            o.SecretKey = Secret;
            o.BaseUrl = new Uri("http://127.0.0.1:9/tencent");
        });
        await using var provider = services.BuildServiceProvider();

        var outcome = await provider.GetRequiredService<IMessageGateway>().SendAsync(Samples.Text("m-default"));

        Assert.Equal("tencent", outcome.Sent!.Provider);
        Assert.Equal("http://127.0.0.1:9/tencent/v4/openim/sendmsg", Assert.Single(stub.Requests).Uri.GetLeftPart(UriPartial.Path));
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
    public void BaseAddress_RegionAndBaseUrl_BaseUrlWins()
    {
        var address = TencentImDomains.BaseAddress(new TencentImOptions { Region = TencentImRegion.China, BaseUrl = new Uri("http://127.0.0.1:1234/proxy") });

        Assert.Equal(new Uri("http://127.0.0.1:1234/proxy/"), address);
    }

    [Fact]
    public void Validate_RegionAndBaseUrlTogether_IsValidAndBaseUrlWins()
    {
        var values = Valid();
        values["Gateway:Providers:t:BaseUrl"] = "http://127.0.0.1:1234/";
        values["Gateway:Providers:t:UseBackupDomain"] = "true";

        Assert.Empty(Validate(values));
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
    [InlineData("RateLimit:RequestsPerSecond", "1", "Gateway:Providers:t:RateLimit:RequestsPerSecond must be between")]
    [InlineData("RateLimit:BatchRecipientsPerMinute", "600", "Gateway:Providers:t:RateLimit:BatchRecipientsPerMinute must be at least twice")]
    [InlineData("RateLimit:WindowGuard", "00:00:00.300", "Gateway:Providers:t:RateLimit:WindowGuard must be between")]
    [InlineData("Resilience:Retry:MaxRetryAttempts", "11", "Gateway:Providers:t:Resilience:Retry:MaxRetryAttempts must be between")]
    [InlineData("Resilience:Retry:BaseDelay", "00:01:00", "Gateway:Providers:t:Resilience:Retry:MaxDelay must not be less than")]
    [InlineData("Resilience:Retry:RateLimitedDelay", "00:00:00.500", "Gateway:Providers:t:Resilience:Retry:RateLimitedDelay must be between 00:00:01")]
    [InlineData("Resilience:AttemptTimeout", "00:01:00", "Gateway:Providers:t:Resilience:AttemptTimeout must be less than")]
    [InlineData("Resilience:TotalTimeout", "00:02:00", "Gateway:Providers:t:Resilience:TotalTimeout must be at most 00:01:50")]
    [InlineData("Resilience:CircuitBreaker:SamplingDuration", "00:00:05", "Gateway:Providers:t:Resilience:CircuitBreaker:SamplingDuration must be at least twice")]
    [InlineData("Resilience:CircuitBreaker:FailureRatio", "0", "Gateway:Providers:t:Resilience:CircuitBreaker:FailureRatio must be between")]
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

        Assert.True(errors.Any(e => e.StartsWith(expected, StringComparison.Ordinal)), string.Join(" | ", errors));
        Assert.DoesNotContain(errors, e => e.Contains(Secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Retry:MaxRetries", "3", "Resilience:Retry:MaxRetryAttempts")]
    [InlineData("Retry:BaseDelay", "00:00:01", "Resilience:Retry:BaseDelay")]
    [InlineData("Retry:MaxDelay", "00:00:05", "Resilience:Retry:MaxDelay")]
    [InlineData("Retry:RateLimitDelay", "00:00:02", "Resilience:Retry:RateLimitedDelay")]
    [InlineData("Resilience:FailureRatio", "0.2", "Resilience:CircuitBreaker:FailureRatio")]
    [InlineData("Resilience:MinimumThroughput", "10", "Resilience:CircuitBreaker:MinimumThroughput")]
    [InlineData("Resilience:SamplingDuration", "00:01:00", "Resilience:CircuitBreaker:SamplingDuration")]
    [InlineData("Resilience:BreakDuration", "00:00:30", "Resilience:CircuitBreaker:BreakDuration")]
    [InlineData("Quotas:RequestsPerSecond", "100", "RateLimit:RequestsPerSecond")]
    [InlineData("Quotas:BatchRecipientsPerMinute", "6000", "RateLimit:BatchRecipientsPerMinute")]
    [InlineData("Quotas:GroupMessagesPerSecond", "20", "RateLimit:GroupMessagesPerSecond")]
    public void Validate_RenamedKey_FailsAtStartupNamingTheNewKey(string old, string value, string renamed)
    {
        var values = Valid();
        values["Gateway:Providers:t:" + old] = value;

        var error = Assert.Single(Validate(values));

        Assert.Equal($"Gateway:Providers:t:{old} was renamed to Gateway:Providers:t:{renamed}", error);
    }

    [Fact]
    public void Validate_SafetyMargin_IsNoLongerASetting()
    {
        var values = Valid();
        values["Gateway:Providers:t:Quotas:SafetyMargin"] = "0.95";

        var error = Assert.Single(Validate(values));

        Assert.StartsWith("Gateway:Providers:t:Quotas:SafetyMargin is no longer a setting", error, StringComparison.Ordinal);
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

        Assert.NotNull(provider.GetRequiredService<IMessageGateway>());
        Assert.Equal(100, ProviderOf(provider, "t").Capabilities.MaxRecipientsPerCall);
        Assert.Equal(50, ProviderOf(provider, "other").Capabilities.MaxRecipientsPerCall);
        Assert.NotSame(provider.GetRequiredKeyedService<UserSigCache>("t"), provider.GetRequiredKeyedService<UserSigCache>("other"));
        Assert.Same(provider.GetRequiredKeyedService<UserSigCache>("t"), provider.GetRequiredKeyedService<UserSigCache>("t"));
    }
}
