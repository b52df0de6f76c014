using Gateway.TencentIm.Internal;

namespace Gateway.TencentIm.Tests.Internal;

public sealed class KeyFirstValidationTests
{
    [Theory]
    [InlineData("BatchSize: The field t.BatchSize must be between 2 and 500.", "t.BatchSize must be between 2 and 500")]
    [InlineData("MaxRetryAttempts: The field t.Resilience.Retry.MaxRetryAttempts must be between 0 and 10.", "t.Resilience.Retry.MaxRetryAttempts must be between 0 and 10")]
    [InlineData("SecretKey: t.SecretKey is required", "SecretKey: t.SecretKey is required")]
    [InlineData("t.Region is required", "t.Region is required")]
    public void Rewrite_GeneratedRangeFailure_PutsTheDottedKeyFirst(string failure, string expected)
    {
        Assert.Equal(expected, KeyFirstValidation<TencentImOptions>.Rewrite(failure));
    }
}
