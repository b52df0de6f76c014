using Gateway.Core.Configuration;
using Gateway.Core.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Core.Tests.Configuration;

public class ConfigurationErrorsTests
{
    private const string Path = "Gateway:Providers:b";

    [Fact]
    public void Binding_ConversionErrorQuotingASecret_NamesKeyAndExpectedValuesWithoutTheValue()
    {
        var exception = new InvalidOperationException("Failed to convert configuration value 'sk-live-7f3a9c' at 'Gateway:Providers:b:Mode' to type 'Mode'.");

        var message = ConfigurationErrors.Binding(exception, typeof(FakeProviderOptions), Path);

        Assert.Equal("Gateway:Providers:b:Mode must be one of Fast, Safe", message);
        Assert.DoesNotContain("sk-live", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Retry:MaxRetryAttempts", "a whole number")]
    [InlineData("retry:basedelay", "a time span such as 00:00:10")]
    [InlineData("Secret", "a String")]
    [InlineData("Unknown:Key", "a value of the right type")]
    public void Binding_NestedOrOtherKeys_SayWhatTheKeyExpects(string relative, string expected)
    {
        var exception = new InvalidOperationException($"Failed to convert configuration value 'x' at '{Path}:{relative}' to type 'T'.");

        Assert.Equal($"{Path}:{relative} must be {expected}", ConfigurationErrors.Binding(exception, typeof(FakeProviderOptions), Path));
    }

    [Theory]
    [InlineData(typeof(int), "a whole number")]
    [InlineData(typeof(double), "a number")]
    [InlineData(typeof(bool), "true or false")]
    [InlineData(typeof(Uri), "an absolute URL")]
    [InlineData(typeof(TimeSpan?), "a time span such as 00:00:10")]
    public void Binding_PropertyTypes_SayWhatTheyExpect(Type type, string expected)
    {
        var options = typeof(Holder<>).MakeGenericType(type);
        var exception = new InvalidOperationException("Failed to convert configuration value 'oops' at 'Root:Value' to type 'X'.");

        Assert.Equal($"Root:Value must be {expected}", ConfigurationErrors.Binding(exception, options, "Root"));
    }

    [Fact]
    public void Binding_UnrecognisedMessage_NamesThePathAndNothingElse()
    {
        var exception = new InvalidOperationException("Cannot create instance of type 'X' because of 'sk-live-7f3a9c'");

        Assert.Equal("Gateway:Providers:b could not be bound (InvalidOperationException)", ConfigurationErrors.Binding(exception, typeof(FakeProviderOptions), Path));
    }

    [Fact]
    public void Validation_SourceGeneratedFailure_BecomesTheFullKey()
    {
        var message = ConfigurationErrors.Validation("MaxRetryAttempts: openim.Retry.MaxRetryAttempts must be between 0 and 10", "openim", "Gateway:Providers:openim");

        Assert.Equal("Gateway:Providers:openim:Retry:MaxRetryAttempts must be between 0 and 10", message);
    }

    [Fact]
    public void Validation_DottedKeyFirst_BecomesTheFullKey()
    {
        var message = ConfigurationErrors.Validation("openim.Resilience.AttemptTimeout must be less than TotalTimeout (was 00:00:30 and 00:00:10)", "openim", "Gateway:Providers:openim");

        Assert.Equal("Gateway:Providers:openim:Resilience:AttemptTimeout must be less than TotalTimeout (was 00:00:30 and 00:00:10)", message);
    }

    [Fact]
    public void Validation_KeyOnly_BecomesTheFullKey()
    {
        Assert.Equal("Chat:BaseUrl", ConfigurationErrors.Validation("chat.BaseUrl", "chat", "Chat"));
    }

    [Fact]
    public void Validation_NoKeyInTheFailure_PrefixesThePath()
    {
        Assert.Equal("Gateway:Providers:openim: the secret must be set", ConfigurationErrors.Validation("the secret must be set", "openim", "Gateway:Providers:openim"));
    }

    [Fact]
    public void Check_ValidOptions_NoProblems()
    {
        using var services = CreateSut(new() { ["P:a:BaseUrl"] = "http://a" });

        Assert.Empty(ConfigurationErrors.Check(services.GetRequiredService<IOptionsMonitor<FakeProviderOptions>>(), "a", "P:a"));
    }

    [Fact]
    public void Check_SeveralValidatorsFail_ListsEachByFullKey()
    {
        using var services = CreateSut(
            new() { ["P:a:BaseUrl"] = "" },
            new ValidateOptions<FakeProviderOptions>("a", static _ => false, "a.Retry.BaseDelay must not be more than Retry:MaxDelay"));

        var problems = ConfigurationErrors.Check(services.GetRequiredService<IOptionsMonitor<FakeProviderOptions>>(), "a", "P:a");

        Assert.Equal(["P:a:BaseUrl is required", "P:a:Retry:BaseDelay must not be more than Retry:MaxDelay"], problems.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Check_SourceGeneratedRangeBroken_NamesTheFullKeyAndTheRange()
    {
        using var services = CreateSut(new() { ["P:a:Retry:RateLimitedDelay"] = "00:05:00" });

        var problem = Assert.Single(ConfigurationErrors.Check(services.GetRequiredService<IOptionsMonitor<FakeProviderOptions>>(), "a", "P:a"));

        Assert.Equal("P:a:Retry:RateLimitedDelay must be between 00:00:01 and 00:01:00", problem);
    }

    [Fact]
    public void Check_SourceGeneratedRangeWithItsOwnMessage_KeepsTheAttributesMessage()
    {
        using var services = CreateSut(new() { ["P:a:MaxBytes"] = "10" });

        var problem = Assert.Single(ConfigurationErrors.Check(services.GetRequiredService<IOptionsMonitor<FakeProviderOptions>>(), "a", "P:a"));

        Assert.Equal("P:a:MaxBytes must be between 1024 and 65536 bytes", problem);
    }

    [Fact]
    public void Validation_GeneratedRangeTextWithTheOptionsType_UsesTheAttributesMessage()
    {
        var message = ConfigurationErrors.Validation("MaxBytes: The field openim.MaxBytes must be between 1024 and 65536.", "openim", "Gateway:Providers:openim", typeof(FakeProviderOptions));

        Assert.Equal("Gateway:Providers:openim:MaxBytes must be between 1024 and 65536 bytes", message);
    }

    [Fact]
    public void Validation_GeneratedRangeTextOfAPropertyItCannotFind_KeepsTheGeneratedText()
    {
        var message = ConfigurationErrors.Validation("Size: The field openim.Retry.Size must be between 1 and 2.", "openim", "Gateway:Providers:openim", typeof(FakeProviderOptions));

        Assert.Equal("Gateway:Providers:openim:Retry:Size must be between 1 and 2", message);
    }

    [Fact]
    public void Check_ValueNotConvertible_NamesTheKeyWithoutTheValue()
    {
        using var services = CreateSut(new() { ["P:a:Retry:BaseDelay"] = "sk-live-7f3a9c" });

        var problem = Assert.Single(ConfigurationErrors.Check(services.GetRequiredService<IOptionsMonitor<FakeProviderOptions>>(), "a", "P:a"));

        Assert.Equal("P:a:Retry:BaseDelay must be a time span such as 00:00:10", problem);
    }

    private static ServiceProvider CreateSut(Dictionary<string, string?> settings, IValidateOptions<FakeProviderOptions>? another = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.Configure<FakeProviderOptions>("a", configuration.GetSection("P:a"));
        services.AddSingleton<IValidateOptions<FakeProviderOptions>, FakeProviderOptionsValidator>();
        if (another is not null)
        {
            services.AddSingleton(another);
        }

        return services.BuildServiceProvider();
    }

    private sealed class Holder<T>
    {
        public T? Value { get; set; }
    }
}
