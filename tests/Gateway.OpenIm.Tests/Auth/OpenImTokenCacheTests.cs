using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.OpenIm.Tests.Support;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;

namespace Gateway.OpenIm.Tests.Auth;

public sealed class OpenImTokenCacheTests
{
    [Fact]
    public async Task GetTokenAsync_SecondCall_ReusesCachedToken()
    {
        await using var host = await OpenImTestHost.StartAsync();

        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));
        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u2"));

        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.GetAdminToken));
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Count);
    }

    [Fact]
    public async Task GetTokenAsync_ConcurrentCallers_FetchOneToken()
    {
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.Faults.Latency = TimeSpan.FromMilliseconds(200);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.Instance.TokenCache.GetTokenAsync().AsTask()));

        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.GetAdminToken));
        Assert.Single(tokens.Distinct());
        Assert.Equal(1, host.Instance.TokenCache.FetchCount);
    }

    [Fact]
    public async Task GetTokenAsync_V3Duration_RefreshesOnlyAfterExpiryMinusSkew()
    {
        var clock = new ManualTimeProvider();
        await using var host = await OpenImTestHost.StartAsync(
            e => e.TokenLifetime = TimeSpan.FromHours(1),
            o => o.TokenRefreshSkew = TimeSpan.FromMinutes(5),
            clock);

        var first = await host.Instance.TokenCache.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(54));
        var beforeSkew = await host.Instance.TokenCache.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterSkew = await host.Instance.TokenCache.GetTokenAsync();

        Assert.Equal(first, beforeSkew);
        Assert.NotEqual(first, afterSkew);
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.GetAdminToken).Count);
    }

    [Fact]
    public async Task GetTokenAsync_V2AbsoluteExpiry_RefreshesOnlyAfterExpiryMinusSkew()
    {
        var clock = new ManualTimeProvider();
        await using var host = await OpenImTestHost.StartAsync(
            e =>
            {
                e.Generation = OpenImServerGeneration.V2;
                e.TokenLifetime = TimeSpan.FromHours(1);
            },
            o => o.TokenRefreshSkew = TimeSpan.FromMinutes(5),
            clock);

        var first = await host.Instance.TokenCache.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(54));
        var beforeSkew = await host.Instance.TokenCache.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterSkew = await host.Instance.TokenCache.GetTokenAsync();

        Assert.Equal(first, beforeSkew);
        Assert.NotEqual(first, afterSkew);
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.UserToken).Count);
    }

    [Fact]
    public async Task GetTokenAsync_LifetimeShorterThanTwiceSkew_RefreshesAtHalfLifetime()
    {
        var clock = new ManualTimeProvider();
        await using var host = await OpenImTestHost.StartAsync(
            e => e.TokenLifetime = TimeSpan.FromMinutes(4),
            o => o.TokenRefreshSkew = TimeSpan.FromMinutes(5),
            clock);

        var first = await host.Instance.TokenCache.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        var early = await host.Instance.TokenCache.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(1.5));
        var late = await host.Instance.TokenCache.GetTokenAsync();

        Assert.Equal(first, early);
        Assert.NotEqual(first, late);
    }

    [Fact]
    public async Task GetTokenAsync_RefreshFailsWhileTokenStillValid_KeepsCurrentToken()
    {
        var clock = new ManualTimeProvider();
        await using var host = await OpenImTestHost.StartAsync(
            e => e.TokenLifetime = TimeSpan.FromHours(1),
            o => o.TokenRefreshSkew = TimeSpan.FromMinutes(10),
            clock);
        var first = await host.Instance.TokenCache.GetTokenAsync();
        clock.Advance(TimeSpan.FromMinutes(55));
        host.Emulator.FailNext(OpenImRoutes.GetAdminToken, 500, "ServerInternalError", "grpc service auth down");

        var kept = await host.Instance.TokenCache.GetTokenAsync();

        Assert.Equal(first, kept);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Name == "OpenImTokenKeptAfterFailedRefresh");
        var later = await host.Instance.TokenCache.GetTokenAsync();
        Assert.NotEqual(first, later);
    }

    [Fact]
    public async Task GetTokenAsync_WrongSecret_ThrowsUnauthorizedWithoutTheSecret()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.Secret = "not-the-secret-123");

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));

        Assert.Equal(GatewayErrorCode.Unauthorized, error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal("1002", error.ProviderErrorCode);
        Assert.Contains("secret invalid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret-123", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret-123", host.Logs.AllText, StringComparison.Ordinal);
        Assert.Empty(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg));
    }

    [Fact]
    public async Task GetTokenAsync_AdminUserIdNotAnAdmin_ThrowsUnauthorized()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.AdminUserId = "someone");

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Instance.TokenCache.GetTokenAsync().AsTask());

        Assert.Equal(GatewayErrorCode.Unauthorized, error.ErrorCode);
        Assert.Equal("1001", error.ProviderErrorCode);
    }

    [Fact]
    public async Task GetTokenAsync_V3UserTokenAgainstV381Server_ThrowsWithConfigurationHint()
    {
        // v3.8.1 removed /auth/user_token; its middleware then asks for a token header first (1001).
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.ApiVersion = OpenImApiVersion.V3UserToken);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Instance.TokenCache.GetTokenAsync().AsTask());

        Assert.Equal(GatewayErrorCode.Unauthorized, error.ErrorCode);
        Assert.Contains("ApiVersion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenAsync_RouteMissing_ThrowsForbiddenNamingBaseUrlAndApiVersion()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2, o => o.ApiVersion = OpenImApiVersion.V3);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Instance.TokenCache.GetTokenAsync().AsTask());

        Assert.Equal(GatewayErrorCode.Forbidden, error.ErrorCode);
        Assert.Equal(404, error.Status);
        Assert.Contains("BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalidate_OtherToken_KeepsCurrentToken()
    {
        await using var host = await OpenImTestHost.StartAsync();
        var token = await host.Instance.TokenCache.GetTokenAsync();

        host.Instance.TokenCache.Invalidate("an-older-token");
        var same = await host.Instance.TokenCache.GetTokenAsync();
        host.Instance.TokenCache.Invalidate(token);
        var fresh = await host.Instance.TokenCache.GetTokenAsync();

        Assert.Equal(token, same);
        Assert.NotEqual(token, fresh);
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.GetAdminToken).Count);
    }
}
