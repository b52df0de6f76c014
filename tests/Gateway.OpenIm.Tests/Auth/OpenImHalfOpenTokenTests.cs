using System.Net;
using Gateway.Core.Providers;
using Gateway.OpenIm.Tests.Support;
using Gateway.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.OpenIm.Tests.Auth;

/// <summary>
/// NOT COMMITTED (adapter shape, see the report): the admin token is fetched through the same instance pipeline, nested
/// inside the send's attempt. When the circuit is half-open and the token is due, the send is the one trial the breaker
/// lets through, so the nested token request is refused ("circuit breaker is open"); the trial then ends in a
/// ProviderException the breaker does not count, and the circuit closes without any call having reached the server.
/// </summary>
public sealed class OpenImHalfOpenTokenTests
{
    [Fact]
    public async Task SendAsync_HalfOpenAndTokenDue_TrialSendsAndTheBreakerDecidesOnItsAnswer()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var stub = new OpenImStub()
            .OnToken(() => OpenImStub.Token("t-short", expireTimeSeconds: 60))
            .OnSend(() => OpenImStub.Status(HttpStatusCode.InternalServerError));
        await using var host = OpenImTestHost.Create(stub.Handler, o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreaker.MinimumThroughput = 2;
            o.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
            o.TokenRefreshSkew = TimeSpan.FromSeconds(10);
        }, clock);
        await host.Tokens.GetAsync();
        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        clock.Advance(TimeSpan.FromSeconds(61));

        var trial = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        Assert.Single(trial.Deliveries);
        Assert.Equal(2, stub.TokenRequests.Count);
        Assert.Equal(2, stub.SendRequests.Count);
    }
}
