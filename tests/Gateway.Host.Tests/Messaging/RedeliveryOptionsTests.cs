using Gateway.Host.Messaging;

namespace Gateway.Host.Tests.Messaging;

/// <summary>The redelivery schedule: 5 s steps for a minute, 30 s until 10 minutes, then 2 minutes, within the budget.</summary>
public sealed class RedeliveryOptionsTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(59, 5)]
    [InlineData(60, 30)]
    [InlineData(599, 30)]
    [InlineData(600, 120)]
    [InlineData(3000, 120)]
    public void NextDelay_DefaultSchedule_StepBySinceTheFirstFailure(int sinceSeconds, int expectedSeconds)
    {
        var options = new RedeliveryOptions();

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), options.NextDelay(TimeSpan.FromSeconds(sinceSeconds), retryAfter: null));
    }

    [Theory]
    [InlineData(3600 - 120, 120)]
    [InlineData(3600 - 119, null)]
    public void NextDelay_DefaultBudget_NoRedeliveryThatWouldLandAfterAnHour(int sinceSeconds, int? expectedSeconds)
    {
        var options = new RedeliveryOptions();

        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, options.NextDelay(TimeSpan.FromSeconds(sinceSeconds), retryAfter: null));
    }

    [Theory]
    [InlineData(3, 5)]
    [InlineData(6, 30)]
    [InlineData(31, 120)]
    [InlineData(600, 120)]
    public void NextDelay_RetryAfterLongerThanTheStep_FirstStepAtLeastThatLong(int retryAfterSeconds, int expectedSeconds)
    {
        var options = new RedeliveryOptions();

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), options.NextDelay(TimeSpan.Zero, TimeSpan.FromSeconds(retryAfterSeconds)));
    }

    [Fact]
    public void NextDelay_NoBudget_NeverRedelivers()
    {
        var options = new RedeliveryOptions { Budget = TimeSpan.Zero };

        Assert.Null(options.NextDelay(TimeSpan.Zero, retryAfter: null));
    }

    [Fact]
    public void Schedule_ConfiguredSteps_ReplaceTheDefault()
    {
        var options = new RedeliveryOptions();
        options.Steps.Add(new RedeliveryStep { Delay = TimeSpan.FromSeconds(1) });

        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(options.Schedule).Delay);
        Assert.Equal(TimeSpan.FromSeconds(1), options.NextDelay(TimeSpan.FromSeconds(30), retryAfter: null));
    }
}
