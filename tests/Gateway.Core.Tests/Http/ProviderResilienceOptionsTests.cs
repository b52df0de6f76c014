using Gateway.Core.Http;

namespace Gateway.Core.Tests.Http;

public sealed class ProviderResilienceOptionsTests
{
    [Fact]
    public void Validate_EveryCrossFieldRuleBroken_NamesTheOtherKeyAndNeverAValue()
    {
        var options = new ProviderResilienceOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(41),
            TotalTimeout = TimeSpan.FromSeconds(40),
            Retry = { BaseDelay = TimeSpan.FromSeconds(7), MaxDelay = TimeSpan.FromSeconds(6) },
            CircuitBreaker = { SamplingDuration = TimeSpan.FromSeconds(81) },
        };
        var errors = new List<string>();

        options.Validate("openim.Resilience", errors);

        Assert.Equal(
            [
                "openim.Resilience.AttemptTimeout must be less than Resilience:TotalTimeout",
                "openim.Resilience.Retry.MaxDelay must not be less than Resilience:Retry:BaseDelay",
                "openim.Resilience.CircuitBreaker.SamplingDuration must be at least twice Resilience:AttemptTimeout",
            ],
            errors);
        Assert.All(errors, e => Assert.DoesNotMatch("[0-9]{2}:[0-9]{2}", e));
    }

    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        var errors = new List<string>();

        new ProviderResilienceOptions().Validate("openim.Resilience", errors);

        Assert.Empty(errors);
    }
}
