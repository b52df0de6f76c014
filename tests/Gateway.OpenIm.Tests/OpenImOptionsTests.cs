using Gateway.Core;
using Gateway.OpenIm.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.OpenIm.Tests;

/// <summary>
/// Invalid configuration fails at startup (when the gateway reads its options), every failure names its full key
/// (<c>Gateway:Providers:openim:…</c>) and never repeats the configured value, keys of the first release name their
/// new key, and <c>BaseUrl</c> is a <see cref="Uri"/>.
/// </summary>
public sealed class OpenImOptionsTests
{
    private const string Root = "Gateway:Providers:openim";
    private const string PastedSecret = "Zq8-pasted-SECRET-value";

    [Fact]
    public void Startup_MissingRequiredKeys_FailsNamingEachKey()
    {
        var failures = StartupFailures(new() { ["AdminUserId"] = string.Empty }, withDefaults: false);

        Assert.Contains($"{Root}:BaseUrl is required (an absolute http or https URL)", failures);
        Assert.Contains($"{Root}:Secret is required (the OpenIM server secret; set it from the environment)", failures);
        Assert.Contains($"{Root}:AdminUserId is required", failures);
    }

    [Theory]
    [InlineData("BaseUrl", "ftp://openim:10002", $"{Root}:BaseUrl must be an absolute http or https URL")]
    [InlineData("BaseUrl", "openim:10002", $"{Root}:BaseUrl must be an absolute http or https URL")]
    [InlineData("BaseUrl", "not a url", $"{Root}:BaseUrl must be an absolute http or https URL")]
    [InlineData("BaseUrl", "/relative/path", $"{Root}:BaseUrl must be an absolute http or https URL")]
    [InlineData("BaseUrl", "http://openim:10002/#fragment", $"{Root}:BaseUrl must be an absolute http or https URL without query")]
    [InlineData("AdminUserId", "an-admin-id-that-is-far-too-long-for-openim-which-allows-sixty-four-characters", $"{Root}:AdminUserId must be at most 64 characters")]
    [InlineData("ApiVersion", "V4", $"{Root}:ApiVersion must be one of V3, V3UserToken, V2")]
    [InlineData("ApiVersion", "7", $"{Root}:ApiVersion must be V3, V3UserToken or V2")]
    [InlineData("DeliveryMode", "Broadcast", $"{Root}:DeliveryMode must be one of Batch, PerRecipient")]
    [InlineData("DeliveryMode", "9", $"{Root}:DeliveryMode must be Batch or PerRecipient")]
    [InlineData("BatchSize", "many", $"{Root}:BatchSize must be a whole number")]
    [InlineData("TokenRefreshSkew", "soon", $"{Root}:TokenRefreshSkew must be a time span such as 00:00:10")]
    [InlineData("Resilience:AttemptTimeout", "ten seconds", $"{Root}:Resilience:AttemptTimeout must be a time span such as 00:00:10")]
    [InlineData("Resilience:AttemptTimeout", "00:01:00", $"{Root}:Resilience:AttemptTimeout must be less than Resilience:TotalTimeout")]
    [InlineData("Resilience:CircuitBreaker:SamplingDuration", "00:00:15", $"{Root}:Resilience:CircuitBreaker:SamplingDuration must be at least twice Resilience:AttemptTimeout")]
    [InlineData("Resilience:Retry:BaseDelay", "00:00:20", $"{Root}:Resilience:Retry:MaxDelay must not be less than Resilience:Retry:BaseDelay")]
    [InlineData("Resilience:CircuitBreaker:FailureRatio", "a lot", $"{Root}:Resilience:CircuitBreaker:FailureRatio must be a number")]
    [InlineData("RateLimit:RequestsPerSecond", "fast", $"{Root}:RateLimit:RequestsPerSecond must be a whole number")]
    public void Startup_BadValue_FailsNamingTheFullKey(string key, string value, string expected)
    {
        var failures = StartupFailures(new() { [key] = value });

        Assert.Contains(failures, f => f.StartsWith(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(failures, e => e.Contains("ten seconds", StringComparison.Ordinal));
    }

    // The options source generator's copy of [Range] ignores ErrorMessage; Core puts the attribute's message back, so
    // units such as "bytes" survive.
    [Theory]
    [InlineData("BatchSize", "0", $"{Root}:BatchSize must be between 1 and 10000")]
    [InlineData("MaxResponseBytes", "10", $"{Root}:MaxResponseBytes must be between 1024 and 268435456 bytes")]
    [InlineData("TokenRefreshSkew", "-00:00:01", $"{Root}:TokenRefreshSkew must be between 00:00:00 and 30.00:00:00")]
    [InlineData("RateLimit:RequestsPerSecond", "-1", $"{Root}:RateLimit:RequestsPerSecond must be between 0 and 1000000")]
    [InlineData("Resilience:TotalTimeout", "2.00:00:00", $"{Root}:Resilience:TotalTimeout must be between")]
    [InlineData("Resilience:Retry:MaxRetryAttempts", "11", $"{Root}:Resilience:Retry:MaxRetryAttempts must be between 0 and 10")]
    [InlineData("Resilience:CircuitBreaker:FailureRatio", "0", $"{Root}:Resilience:CircuitBreaker:FailureRatio must be between 0.01 and 1")]
    [InlineData("Resilience:CircuitBreaker:BreakDuration", "00:00:00.100", $"{Root}:Resilience:CircuitBreaker:BreakDuration must be between")]
    public void Startup_ValueOutOfRange_FailsNamingTheFullKey(string key, string value, string expected)
    {
        var failures = StartupFailures(new() { [key] = value });

        Assert.Contains(failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Resilience:AttemptTimeout", "00:01:00")]
    [InlineData("Resilience:CircuitBreaker:SamplingDuration", "00:00:15")]
    [InlineData("Resilience:Retry:BaseDelay", "00:00:20")]
    public void Startup_CrossFieldFailure_NeverRepeatsTheValue(string key, string value)
    {
        var failures = StartupFailures(new() { [key] = value });

        Assert.All(failures, f => Assert.DoesNotContain(value, f, StringComparison.Ordinal));
    }

    [Fact]
    public void Startup_BaseUrlWithQuery_FailsWithoutRepeatingTheUrl()
    {
        var failures = StartupFailures(new() { ["BaseUrl"] = "http://openim:10002/?secret=" + PastedSecret });

        var failure = Assert.Single(failures);
        Assert.Equal($"{Root}:BaseUrl must be an absolute http or https URL without query", failure);
    }

    [Theory]
    [InlineData("BaseUrl")]
    [InlineData("ApiVersion")]
    [InlineData("DeliveryMode")]
    [InlineData("BatchSize")]
    [InlineData("MaxResponseBytes")]
    [InlineData("TokenRefreshSkew")]
    [InlineData("Resilience:AttemptTimeout")]
    [InlineData("Resilience:TotalTimeout")]
    [InlineData("Resilience:Retry:MaxRetryAttempts")]
    [InlineData("Resilience:Retry:BaseDelay")]
    [InlineData("Resilience:Retry:MaxDelay")]
    [InlineData("Resilience:Retry:RateLimitedDelay")]
    [InlineData("Resilience:CircuitBreaker:FailureRatio")]
    [InlineData("Resilience:CircuitBreaker:MinimumThroughput")]
    [InlineData("Resilience:CircuitBreaker:SamplingDuration")]
    [InlineData("Resilience:CircuitBreaker:BreakDuration")]
    [InlineData("RateLimit:RequestsPerSecond")]
    public void Startup_SecretPastedIntoAKey_FailsNamingTheKeyWithoutTheSecret(string key)
    {
        var failures = StartupFailures(new() { [key] = PastedSecret });

        var failure = Assert.Single(failures);
        Assert.StartsWith($"{Root}:{key} must be ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(PastedSecret, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("Zq8", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_SecretPastedIntoApiVersion_NeverReachesTheExceptionMessage()
    {
        var error = StartupError(new() { ["ApiVersion"] = PastedSecret });

        Assert.DoesNotContain(PastedSecret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PastedSecret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_V2SecretLongerThan32_FailsNamingTheKeyWithoutTheSecret()
    {
        var secret = new string('s', 33);

        var failures = StartupFailures(new() { ["BaseUrl"] = "http://openim:10000", ["Secret"] = secret, ["ApiVersion"] = "V2" });

        Assert.Equal([$"{Root}:Secret must be at most 32 characters for ApiVersion V2 (the v2 user_token rule)"], failures);
    }

    [Theory]
    [InlineData("Resilience:MaxRetryAttempts", "3", "Resilience:Retry:MaxRetryAttempts")]
    [InlineData("Resilience:BaseDelay", "00:00:01", "Resilience:Retry:BaseDelay")]
    [InlineData("Resilience:MaxDelay", "00:00:10", "Resilience:Retry:MaxDelay")]
    [InlineData("Resilience:FailureRatio", "0.1", "Resilience:CircuitBreaker:FailureRatio")]
    [InlineData("Resilience:MinimumThroughput", "100", "Resilience:CircuitBreaker:MinimumThroughput")]
    [InlineData("Resilience:SamplingDuration", "00:00:30", "Resilience:CircuitBreaker:SamplingDuration")]
    [InlineData("Resilience:BreakDuration", "00:00:05", "Resilience:CircuitBreaker:BreakDuration")]
    [InlineData("RateLimit:PermitsPerSecond", "10", "RateLimit:RequestsPerSecond")]
    public void Startup_RenamedKey_FailsNamingTheNewKey(string old, string value, string now)
    {
        var failures = StartupFailures(new() { [old] = value });

        Assert.Equal([$"{Root}:{old} was renamed to {Root}:{now}"], failures);
    }

    [Theory]
    [InlineData("RateLimit:Burst")]
    [InlineData("RateLimit:QueueLimit")]
    public void Startup_RemovedKey_FailsSayingToRemoveIt(string old)
    {
        var failures = StartupFailures(new() { [old] = "5" });

        Assert.Equal([$"{Root}:{old} is no longer a setting; remove it (see docs/configuration.md, renamed keys)"], failures);
    }

    [Fact]
    public void Startup_Defaults_AreValid()
    {
        using var provider = Build(new());

        _ = provider.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var options = provider.GetRequiredService<IOptionsMonitor<OpenImOptions>>().Get("openim");

        Assert.Equal(new Uri("http://openim:10002"), options.BaseUrl);
        Assert.Equal(
            (OpenImApiVersion.V3, "imAdmin", OpenImDeliveryMode.Batch, 100, TimeSpan.FromMinutes(5), 4 * 1024 * 1024, 0),
            (options.ApiVersion, options.AdminUserId, options.DeliveryMode, options.BatchSize, options.TokenRefreshSkew, options.MaxResponseBytes, options.RateLimit.RequestsPerSecond));
        Assert.Equal(
            (3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)),
            (options.Resilience.Retry.MaxRetryAttempts, options.Resilience.Retry.BaseDelay, options.Resilience.Retry.MaxDelay, options.Resilience.AttemptTimeout, options.Resilience.TotalTimeout));
    }

    [Fact]
    public void Startup_BaseUrlWithPathPrefix_BindsToAUri()
    {
        using var provider = Build(new() { ["BaseUrl"] = "https://im.example.com:8443/openim-api" });

        var options = provider.GetRequiredService<IOptionsMonitor<OpenImOptions>>().Get("openim");

        Assert.Equal(new Uri("https://im.example.com:8443/openim-api"), options.BaseUrl);
        Assert.True(options.BaseUrl!.IsAbsoluteUri);
    }

    [Fact]
    public void Startup_CodeConfiguredInstance_ReportsItsKeysUnderTheGatewaySection()
    {
        var services = new ServiceCollection();
        services.AddMessagingGateway().AddOpenIm(o => o.BaseUrl = new Uri("ftp://openim:10002"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GatewayOptions>>().Value);

        Assert.Contains($"{Root}:BaseUrl must be an absolute http or https URL without query", error.Failures);
        Assert.Contains($"{Root}:Secret is required (the OpenIM server secret; set it from the environment)", error.Failures);
    }

    [Fact]
    public void Startup_SectionConfiguredInstance_ReportsItsKeysUnderTheSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Chat:OpenIm:Secret"] = "s" }).Build();
        var services = new ServiceCollection();
        services.AddMessagingGateway().AddOpenIm(configuration.GetSection("Chat:OpenIm"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GatewayOptions>>().Value);

        Assert.Equal(["Chat:OpenIm:BaseUrl is required (an absolute http or https URL)"], error.Failures);
    }

    [Fact]
    public void CreateGateway_InvalidSettings_ThrowsOptionsValidationException()
    {
        using var provider = Build(new() { ["BaseUrl"] = null }, withDefaults: false, extra: new() { ["Secret"] = "s" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IMessageGateway>());

        Assert.Contains($"{Root}:BaseUrl is required (an absolute http or https URL)", error.Failures);
    }

    [Fact]
    public void Rules_Failures_StartWithTheDottedKeyAndNeverRepeatTheValue()
    {
        var options = new OpenImOptions
        {
            BaseUrl = new Uri("http://openim:10002/?token=" + PastedSecret),
            ApiVersion = OpenImApiVersion.V2,
            Secret = PastedSecret + PastedSecret,
        };

        var result = new OpenImOptionsRules().Validate("openim", options);

        Assert.Equal(
            ["openim.BaseUrl must be an absolute http or https URL without query", "openim.Secret must be at most 32 characters for ApiVersion V2 (the v2 user_token rule)"],
            result.Failures);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, bool withDefaults = true, Dictionary<string, string?>? extra = null)
    {
        var values = new Dictionary<string, string?> { [$"{Root}:Type"] = "OpenIm" };
        if (withDefaults)
        {
            values[$"{Root}:BaseUrl"] = "http://openim:10002";
            values[$"{Root}:Secret"] = "openIM123";
        }

        foreach (var (key, value) in extra ?? [])
        {
            values[$"{Root}:{key}"] = value;
        }

        foreach (var (key, value) in settings)
        {
            values[$"{Root}:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddMessagingGateway(configuration.GetSection("Gateway")).AddOpenIm();
        return services.BuildServiceProvider();
    }

    private static OptionsValidationException StartupError(Dictionary<string, string?> settings, bool withDefaults = true)
    {
        using var provider = Build(settings, withDefaults);
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GatewayOptions>>().Value);
    }

    private static IReadOnlyList<string> StartupFailures(Dictionary<string, string?> settings, bool withDefaults = true) =>
        [.. StartupError(settings, withDefaults).Failures];
}
