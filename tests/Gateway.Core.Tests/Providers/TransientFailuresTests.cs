using Gateway.Core.Contracts;
using Gateway.Core.Idempotency;
using Gateway.Core.Providers;

namespace Gateway.Core.Tests.Providers;

public class TransientFailuresTests
{
    public static TheoryData<string, Exception, bool> Exceptions => new()
    {
        { "transient provider failure", new ProviderException("openim", GatewayErrorCode.ProviderUnavailable, "down", isTransient: true), true },
        { "permanent provider failure", new ProviderException("openim", GatewayErrorCode.RecipientNotFound, "no such user"), false },
        { "message in progress elsewhere", new MessageInProgressException(), true },
        { "store unreachable", new StoreUnavailableException(), true },
        { "anything else", new InvalidOperationException(), false },
        { "cancellation", new OperationCanceledException(), false },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void IsTransient_Exception_SaysWhetherToTryAgain(string kind, Exception exception, bool expected)
    {
        Assert.True(TransientFailures.IsTransient(exception) == expected, kind);
    }

    [Fact]
    public void RetryAfter_ProviderSaidHowLong_ReturnsIt()
    {
        var rateLimited = new ProviderException("tencent", GatewayErrorCode.RateLimited, "slow down", isTransient: true, retryAfter: TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.FromSeconds(2), TransientFailures.RetryAfter(rateLimited));
        Assert.Null(TransientFailures.RetryAfter(new StoreUnavailableException()));
    }
}
