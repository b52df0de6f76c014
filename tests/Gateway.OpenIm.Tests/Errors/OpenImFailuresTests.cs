using Gateway.Core.Contracts;
using Gateway.OpenIm.Errors;

namespace Gateway.OpenIm.Tests.Errors;

public class OpenImFailuresTests
{
    private static readonly TimeSpan Configured = TimeSpan.FromSeconds(7);

    [Fact]
    public void Refused_RateLimitedWithoutRetryAfter_WaitsTheConfiguredDelay()
    {
        var error = OpenImFailures.Refused("im", legacyV2: false, "msg/send_msg", 429, 429, "too many requests", null, retryAfter: null, Configured);

        Assert.Equal(GatewayErrorCode.RateLimited, error.ErrorCode);
        Assert.Equal(Configured, error.RetryAfter);
    }

    [Fact]
    public void Refused_RateLimitedWithRetryAfter_KeepsTheServersWait()
    {
        var error = OpenImFailures.Refused("im", legacyV2: false, "msg/send_msg", 429, 429, "too many requests", null, TimeSpan.FromSeconds(30), Configured);

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    [Fact]
    public void Refused_NotRateLimited_AsksForNoWait()
    {
        var error = OpenImFailures.Refused("im", legacyV2: false, "msg/send_msg", 200, 1001, "ArgsError", null, retryAfter: null, Configured);

        Assert.Equal(GatewayErrorCode.InvalidMessage, error.ErrorCode);
        Assert.Null(error.RetryAfter);
    }
}
