using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.OpenIm.Auth;
using Gateway.OpenIm.Tests.Support;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.OpenIm.Tests.Auth;

/// <summary>
/// The admin-token cache: on its own over a counting fetch and a fake clock (single flight, renewal, refresh ahead of
/// expiry), and through the instance against the emulator (expiry formats of each API generation, refused requests).
/// </summary>
public sealed class OpenImTokenCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetAsync_ConcurrentCallers_CollapseIntoOneFetch()
    {
        var gate = new TaskCompletionSource<OpenImTokenGrant>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fetches = 0;
        using var sut = CreateSut(_ =>
        {
            Interlocked.Increment(ref fetches);
            return gate.Task;
        });

        var waiting = Enumerable.Range(0, 20).Select(_ => sut.GetAsync().AsTask()).ToArray();
        gate.SetResult(new OpenImTokenGrant("t1", Start.AddHours(1)));
        var tokens = await Task.WhenAll(waiting);

        Assert.Equal(1, fetches);
        Assert.Equal(1, sut.Issued);
        Assert.All(tokens, t => Assert.Equal("t1", t));
    }

    [Fact]
    public async Task GetAsync_TokenCached_CompletesSynchronouslyWithoutFetching()
    {
        var fetches = 0;
        using var sut = CreateSut(_ => Task.FromResult(new OpenImTokenGrant("t" + Interlocked.Increment(ref fetches), Start.AddHours(1))));
        await sut.GetAsync();

        var cached = sut.GetAsync();

        Assert.True(cached.IsCompletedSuccessfully);
        Assert.Equal("t1", await cached);
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task RenewAsync_ConcurrentRenewalsOfTheRejectedToken_FetchOnce()
    {
        var fetches = 0;
        using var sut = CreateSut(async cancellationToken =>
        {
            var n = Interlocked.Increment(ref fetches);
            await Task.Delay(10, cancellationToken);
            return new OpenImTokenGrant("t" + n, Start.AddHours(1));
        });
        var rejected = await sut.GetAsync();

        var renewed = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => sut.RenewAsync(rejected)));

        Assert.Equal(2, fetches);
        Assert.All(renewed, t => Assert.Equal("t2", t));
    }

    [Fact]
    public async Task RenewAsync_AnOlderToken_KeepsTheCurrentOne()
    {
        var fetches = 0;
        using var sut = CreateSut(_ => Task.FromResult(new OpenImTokenGrant("t" + Interlocked.Increment(ref fetches), Start.AddHours(1))));
        var token = await sut.GetAsync();

        var same = await sut.RenewAsync("an-older-token");
        var fresh = await sut.RenewAsync(token);

        Assert.Equal(token, same);
        Assert.NotEqual(token, fresh);
        Assert.Equal(2, fetches);
    }

    [Fact]
    public async Task GetAsync_RefreshFailsAfterExpiry_ThrowsAndLogsWithoutTheToken()
    {
        var clock = new FakeTimeProvider(Start);
        var logs = new FakeLogCollector();
        var fail = false;
        using var sut = new OpenImTokenCache(
            OpenImTestHost.Instance,
            TimeSpan.FromMinutes(5),
            _ => fail
                ? throw new ProviderException(OpenImTestHost.Instance, GatewayErrorCode.ProviderUnavailable, "OpenIM refused the admin token request", isTransient: true)
                : Task.FromResult(new OpenImTokenGrant("secret-token-value", clock.GetUtcNow().AddHours(1))),
            clock,
            new FakeLogger(logs));
        await sut.GetAsync();
        clock.Advance(TimeSpan.FromHours(2));
        fail = true;

        var error = await Assert.ThrowsAsync<ProviderException>(() => sut.GetAsync().AsTask());

        Assert.True(error.IsTransient);
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Name == "OpenImTokenFetchFailed" && r.Level == LogLevel.Warning);
        Assert.All(logs.GetSnapshot(), r => Assert.DoesNotContain("secret-token-value", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetTokenAsync_SecondCall_ReusesCachedToken()
    {
        await using var host = await OpenImTestHost.StartAsync();

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));
        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u2"));

        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.GetAdminToken));
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Count);
    }

    [Fact]
    public async Task GetTokenAsync_ConcurrentCallers_FetchOneToken()
    {
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.Faults.Latency = TimeSpan.FromMilliseconds(50);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.Tokens.GetAsync().AsTask()));

        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.GetAdminToken));
        Assert.Single(tokens.Distinct());
        Assert.Equal(1, host.Tokens.Issued);
    }

    [Fact]
    public async Task GetTokenAsync_V3Duration_RefreshesOnlyAfterExpiryMinusSkew()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await OpenImTestHost.StartAsync(
            e => e.TokenLifetime = TimeSpan.FromHours(1),
            o => o.TokenRefreshSkew = TimeSpan.FromMinutes(5),
            clock);

        var first = await host.Tokens.GetAsync();
        clock.Advance(TimeSpan.FromMinutes(54));
        var beforeSkew = await host.Tokens.GetAsync();
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterSkew = await host.Tokens.GetAsync();

        Assert.Equal(first, beforeSkew);
        Assert.NotEqual(first, afterSkew);
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.GetAdminToken).Count);
    }

    [Fact]
    public async Task GetTokenAsync_V2AbsoluteExpiry_RefreshesOnlyAfterExpiryMinusSkew()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await OpenImTestHost.StartAsync(
            e =>
            {
                e.Generation = OpenImServerGeneration.V2;
                e.TokenLifetime = TimeSpan.FromHours(1);
            },
            o => o.TokenRefreshSkew = TimeSpan.FromMinutes(5),
            clock);

        var first = await host.Tokens.GetAsync();
        clock.Advance(TimeSpan.FromMinutes(54));
        var beforeSkew = await host.Tokens.GetAsync();
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterSkew = await host.Tokens.GetAsync();

        Assert.Equal(first, beforeSkew);
        Assert.NotEqual(first, afterSkew);
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.UserToken).Count);
    }

    [Fact]
    public async Task GetTokenAsync_LifetimeShorterThanTwiceSkew_RefreshesAtHalfLifetime()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await OpenImTestHost.StartAsync(
            e => e.TokenLifetime = TimeSpan.FromMinutes(4),
            o => o.TokenRefreshSkew = TimeSpan.FromMinutes(5),
            clock);

        var first = await host.Tokens.GetAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        var early = await host.Tokens.GetAsync();
        clock.Advance(TimeSpan.FromMinutes(1.5));
        var late = await host.Tokens.GetAsync();

        Assert.Equal(first, early);
        Assert.NotEqual(first, late);
    }

    [Fact]
    public async Task GetTokenAsync_RefreshFailsWhileTokenStillValid_KeepsCurrentToken()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await OpenImTestHost.StartAsync(
            e => e.TokenLifetime = TimeSpan.FromHours(1),
            o => o.TokenRefreshSkew = TimeSpan.FromMinutes(10),
            clock);
        var first = await host.Tokens.GetAsync();
        clock.Advance(TimeSpan.FromMinutes(55));
        host.Emulator.FailNext(OpenImRoutes.GetAdminToken, 500, "ServerInternalError", "grpc service auth down");

        var kept = await host.Tokens.GetAsync();

        Assert.Equal(first, kept);
        Assert.Contains(host.Logs.GetSnapshot(), e => e.Id.Name == "OpenImTokenKeptAfterFailedRefresh");
        var later = await host.Tokens.GetAsync();
        Assert.NotEqual(first, later);
    }

    [Fact]
    public async Task GetTokenAsync_WrongSecret_ThrowsUnauthorizedWithoutTheSecret()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.Secret = "not-the-secret-123");

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal(GatewayErrorCode.Unauthorized, error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal("1002", error.ProviderErrorCode);
        Assert.Contains("secret invalid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret-123", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret-123", host.LoggedText, StringComparison.Ordinal);
        Assert.Empty(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg));
    }

    [Fact]
    public async Task GetTokenAsync_AdminUserIdNotAnAdmin_ThrowsUnauthorized()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.AdminUserId = "someone");

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Tokens.GetAsync().AsTask());

        Assert.Equal(GatewayErrorCode.Unauthorized, error.ErrorCode);
        Assert.Equal("1001", error.ProviderErrorCode);
    }

    [Fact]
    public async Task GetTokenAsync_V3UserTokenAgainstV381Server_ThrowsWithConfigurationHint()
    {
        // v3.8.1 removed /auth/user_token; its middleware then asks for a token header first (1001).
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.ApiVersion = OpenImApiVersion.V3UserToken);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Tokens.GetAsync().AsTask());

        Assert.Equal(GatewayErrorCode.Unauthorized, error.ErrorCode);
        Assert.Contains("ApiVersion", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenAsync_RouteMissing_ThrowsForbiddenNamingBaseUrlAndApiVersion()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2, o => o.ApiVersion = OpenImApiVersion.V3);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Tokens.GetAsync().AsTask());

        Assert.Equal(GatewayErrorCode.Forbidden, error.ErrorCode);
        Assert.Equal(404, error.Status);
        Assert.Contains("BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenewAsync_OtherToken_KeepsCurrentToken()
    {
        await using var host = await OpenImTestHost.StartAsync();
        var token = await host.Tokens.GetAsync();

        var same = await host.Tokens.RenewAsync("an-older-token");
        var fresh = await host.Tokens.RenewAsync(token);

        Assert.Equal(token, same);
        Assert.NotEqual(token, fresh);
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.GetAdminToken).Count);
    }

    private static OpenImTokenCache CreateSut(Func<CancellationToken, Task<OpenImTokenGrant>> fetch) =>
        new(OpenImTestHost.Instance, TimeSpan.FromMinutes(5), fetch, new FakeTimeProvider(Start), new FakeLogger());
}
