using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.OpenIm.Tests.Support;
using Gateway.Sandbox.Hosting;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;

namespace Gateway.OpenIm.Tests.Http;

/// <summary>Token refresh and replay, and how every HTTP answer family is handled, against the emulator on loopback.</summary>
public sealed class OpenImClientTests
{
    [Theory]
    [InlineData(1501, "TokenExpiredError")]
    [InlineData(1502, "TokenInvalidError")]
    [InlineData(1503, "TokenMalformedError")]
    [InlineData(1504, "TokenNotValidYetError")]
    [InlineData(1505, "signature is invalid")]
    [InlineData(1506, "TokenKickedError")]
    [InlineData(1507, "TokenNotExistError")]
    public async Task SendMsgAsync_TokenErrorCode_RefreshesOnceAndReplays(int errCode, string errMsg)
    {
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.FailNext(OpenImRoutes.SendMsg, errCode, errMsg);

        var result = await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));

        Assert.Single(result.Deliveries);
        Assert.Equal(
            [OpenImRoutes.GetAdminToken, OpenImRoutes.SendMsg, OpenImRoutes.GetAdminToken, OpenImRoutes.SendMsg],
            host.Emulator.Requests.All.Select(r => r.Path));
        var sends = host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg);
        Assert.NotEqual(sends[0].Headers["token"], sends[1].Headers["token"]);
        Assert.NotEqual(sends[0].Headers["operationID"], sends[1].Headers["operationID"]);
        Assert.Equal(["token_refresh"], host.Metrics.Tag("messaging_gateway.retries", "reason"));
    }

    [Fact]
    public async Task SendMsgAsync_TokenErrorAfterRefresh_ThrowsUnauthorizedWithoutThirdAttempt()
    {
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.FailNext(OpenImRoutes.SendMsg, 1501, "TokenExpiredError", times: 2);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));

        Assert.Equal(GatewayErrorCode.Unauthorized, error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal("1501", error.ProviderErrorCode);
        Assert.Equal("openim", error.Provider);
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Count);
    }

    [Fact]
    public async Task SendMsgAsync_ServerExpiredToken_RefreshesAndReplays()
    {
        await using var host = await OpenImTestHost.StartAsync();
        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));
        host.Emulator.ExpireTokens();

        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));

        var sends = host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg);
        Assert.Equal(3, sends.Count);
        Assert.Contains("\"errCode\":1501", sends[1].ResponseBody, StringComparison.Ordinal);
        Assert.Equal(2, host.Emulator.TokensIssued);
    }

    [Fact]
    public async Task SendMsgAsync_ServerKickedToken_RefreshesAndReplays()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V3UserToken);
        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));
        host.Emulator.KickTokens();

        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));

        Assert.Contains("\"errCode\":1506", host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg)[1].ResponseBody, StringComparison.Ordinal);
        Assert.Equal(2, host.Emulator.TokensIssued);
    }

    [Fact]
    public async Task SendMsgAsync_ServerLostTokenCache_RefreshesAndReplays()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V3UserToken);
        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));
        host.Emulator.ForgetTokens();

        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));

        Assert.Contains("\"errCode\":1507", host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg)[1].ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMsgAsync_MainEvictsOlderAdminToken_RefreshesOnce()
    {
        var clock = new ManualTimeProvider();
        await using var host = await OpenImTestHost.StartAsync(e => e.EvictOlderAdminTokens = true, timeProvider: clock);
        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));

        // Another process fetches its own admin token; five minutes later ours is gone.
        host.Emulator.IssueToken("imAdmin");
        clock.Advance(TimeSpan.FromMinutes(4));
        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));
        clock.Advance(TimeSpan.FromMinutes(2));
        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));

        var sends = host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg);
        Assert.Equal(4, sends.Count);
        Assert.Contains("\"errCode\":1507", sends[2].ResponseBody, StringComparison.Ordinal);
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.GetAdminToken).Count);
    }

    [Fact]
    public async Task SendMsgAsync_V2ParseTokenFailed_RefreshesAndReplays()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);
        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));
        host.Emulator.ExpireTokens();

        var result = await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));

        Assert.Single(result.Deliveries);
        var sends = host.Emulator.Requests.ForPath(OpenImRoutes.ManagerSendMsg);
        Assert.Equal(400, sends[1].ResponseStatus);
        Assert.Contains("parse token failed", sends[1].ResponseBody, StringComparison.Ordinal);
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.UserToken).Count);
    }

    [Fact]
    public async Task SendMsgAsync_V2NotAuthorized_ThrowsForbiddenWithoutRefresh()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);
        host.Emulator.FailNext(OpenImRoutes.ManagerSendMsg, 400, "not authorized", status: 400);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));

        Assert.Equal(GatewayErrorCode.Forbidden, error.ErrorCode);
        Assert.Equal(400, error.Status);
        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.UserToken));
    }

    [Fact]
    public async Task SendMsgAsync_Http400BindingError_ThrowsInvalidMessageQuotingTheServer()
    {
        await using var host = await OpenImTestHost.StartAsync();
        const string detail = "Key: 'SendMsgReq.RecvID' Error:Field validation for 'RecvID' failed on the 'required_if' tag";
        host.Emulator.FailNext(OpenImRoutes.SendMsg, 1001, "ArgsError", detail, status: 400);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));

        Assert.Equal(GatewayErrorCode.InvalidMessage, error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal(400, error.Status);
        Assert.Equal("1001", error.ProviderErrorCode);
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg));
    }

    [Fact]
    public async Task SendMsgAsync_Http429BeyondMaxDelay_ThrowsRateLimitedWithRetryAfter()
    {
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.RespondRateLimited(TimeSpan.FromSeconds(30), OpenImRoutes.SendMsg);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));

        Assert.Equal(GatewayErrorCode.RateLimited, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(429, error.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg));
    }

    [Fact]
    public async Task SendMsgAsync_Http429WithinMaxDelay_WaitsRetryAfterAndRetries()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.Resilience.MaxDelay = TimeSpan.FromSeconds(2));
        host.Emulator.RespondRateLimited(TimeSpan.FromSeconds(1), OpenImRoutes.SendMsg);

        var result = await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));

        Assert.Single(result.Deliveries);
        Assert.Equal([429, 200], host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Select(r => r.ResponseStatus));
        Assert.Equal(["http_429"], host.Metrics.Tag("messaging_gateway.retries", "reason"));
    }

    [Fact]
    public async Task SendMsgAsync_Http500WithoutBodyOnce_RetriesAndSucceeds()
    {
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.RespondPanic(OpenImRoutes.SendMsg);

        var result = await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));

        Assert.Single(result.Deliveries);
        var sends = host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg);
        Assert.Equal([500, 200], sends.Select(r => r.ResponseStatus));
        Assert.Equal(sends[0].Body, sends[1].Body);
        Assert.Equal(sends[0].Headers["operationID"], sends[1].Headers["operationID"]);
        Assert.Equal(["http_500"], host.Metrics.Tag("messaging_gateway.retries", "reason"));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Name == "OpenImRetrying");
    }

    [Fact]
    public async Task SendMsgAsync_Http500WithoutBodyEveryTime_ThrowsTransientProviderUnavailable()
    {
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.RespondPanic(OpenImRoutes.SendMsg, times: 3);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));

        Assert.Equal(GatewayErrorCode.ProviderUnavailable, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(500, error.Status);
        Assert.Null(error.ProviderErrorCode);
        Assert.Equal(3, host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Count);
    }

    [Fact]
    public async Task SendMsgAsync_ErrCode500FromServer_ThrowsTransientWithoutInProcessRetry()
    {
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.FailNext(OpenImRoutes.SendMsg, 500, "ServerInternalError", "grpc service msg down");

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));

        Assert.Equal(GatewayErrorCode.ProviderUnavailable, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal("500", error.ProviderErrorCode);
        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg));
    }

    [Fact]
    public async Task SendMsgAsync_ErrCode500ValidationFailure_ThrowsPermanentInvalidMessage()
    {
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.FailNext(OpenImRoutes.SendMsg, 500, "ServerInternalError", "Key: 'TextElem.Content' Error:Field validation for 'Content' failed on the 'required' tag");

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));

        Assert.Equal(GatewayErrorCode.InvalidMessage, error.ErrorCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task SendMsgAsync_ConnectionDroppedOnce_RetriesAndSucceeds()
    {
        await using var host = await OpenImTestHost.StartAsync();
        await host.Instance.TokenCache.GetTokenAsync();
        host.Emulator.Faults.Enqueue(Fault.DropConnection(), OpenImRoutes.SendMsg);

        var result = await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));

        Assert.Single(result.Deliveries);
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Count);
        Assert.Equal(["transport"], host.Metrics.Tag("messaging_gateway.retries", "reason"));
    }

    [Fact]
    public async Task SendMsgAsync_AttemptTimesOutOnce_RetriesAndSucceeds()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        await host.Instance.TokenCache.GetTokenAsync();
        host.Emulator.Faults.Enqueue(Fault.Delay(TimeSpan.FromSeconds(3)), OpenImRoutes.SendMsg);

        var result = await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));

        Assert.Single(result.Deliveries);
        Assert.Equal(["timeout"], host.Metrics.Tag("messaging_gateway.retries", "reason"));
    }

    [Fact]
    public async Task SendMsgAsync_EveryAttemptTimesOut_ThrowsTransientProviderUnavailable()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.Resilience.MaxRetryAttempts = 1;
        });
        await host.Instance.TokenCache.GetTokenAsync();
        host.Emulator.Faults.Enqueue(Fault.Delay(TimeSpan.FromSeconds(3)), OpenImRoutes.SendMsg, times: 2);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));

        Assert.Equal(GatewayErrorCode.ProviderUnavailable, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(0, error.Status);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMsgAsync_ServerDown_ThrowsTransientProviderUnavailable()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.Resilience.MaxRetryAttempts = 1);
        await host.Emulator.DisposeAsync();

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));

        Assert.Equal(GatewayErrorCode.ProviderUnavailable, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.DoesNotContain("?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMsgAsync_RepeatedFailures_OpenCircuitAndStopCallingTheServer()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o =>
        {
            o.Resilience.MaxRetryAttempts = 0;
            o.Resilience.MinimumThroughput = 2;
            o.Resilience.FailureRatio = 0.5;
            o.Resilience.BreakDuration = TimeSpan.FromSeconds(30);
        });
        await host.Instance.TokenCache.GetTokenAsync();
        host.Emulator.RespondPanic(OpenImRoutes.SendMsg);

        // The token call succeeded and this one failed: 2 calls, half failed, the circuit opens.
        var first = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));
        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));

        Assert.Equal(500, first.Status);
        Assert.Equal(ProviderCircuitState.Open, host.Provider.CircuitState);
        Assert.Equal(GatewayErrorCode.ProviderUnavailable, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(0, error.Status);
        Assert.NotNull(error.RetryAfter);
        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Name == "OpenImCircuitOpened");
    }

    [Fact]
    public async Task SendMsgAsync_UnlistedErrCode_ThrowsUnknownQuotingTheServer()
    {
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.FailNext(OpenImRoutes.SendMsg, 4242, "webhook refused", "custom reason");

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));

        Assert.Equal(GatewayErrorCode.Unknown, error.ErrorCode);
        Assert.Equal("4242", error.ProviderErrorCode);
        Assert.Contains("webhook refused: custom reason", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMsgAsync_ResponseLargerThanLimit_ThrowsWithoutReadingIt()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.MaxResponseBytes = 1024);
        host.Emulator.FailNext(OpenImRoutes.SendMsg, 500, "ServerInternalError", new string('x', 4096));

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));

        Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMsgAsync_RateLimitQueueFull_ThrowsTransientRateLimitedWithoutCallingTheServer()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o =>
        {
            o.RateLimit.PermitsPerSecond = 1;
            o.RateLimit.QueueLimit = 0;
        });
        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1")));

        Assert.Equal(GatewayErrorCode.RateLimited, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg));
    }

    [Fact]
    public async Task SendMsgAsync_RateLimited_WaitsForPermitAndRecordsTheWait()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.RateLimit.PermitsPerSecond = 1);

        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u1"));
        await host.Provider.SendAsync(Messages.ToUsers(Messages.Text(), "u2"));

        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Count);
        Assert.Equal(["send"], host.Metrics.Tag("messaging_gateway.rate_limit.wait", "limiter"));
    }
}
