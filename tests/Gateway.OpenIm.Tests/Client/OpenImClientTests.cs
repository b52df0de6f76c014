using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.OpenIm.Tests.Support;
using Gateway.Sandbox.Hosting;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.OpenIm.Tests.Client;

/// <summary>
/// The integration suite of the HTTP stack (typed client, auth handler, instance pipeline) against the emulator on
/// loopback: token refresh and replay, and how every HTTP answer family is handled, including which failures are
/// repeated in-process (only those that prove the send never reached the server) and which go back to the bus; and, over
/// a stub, the token answers the emulator never gives (no token, no usable expiry).
/// </summary>
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

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        Assert.Single(result.Deliveries);
        Assert.Equal(
            [OpenImRoutes.GetAdminToken, OpenImRoutes.SendMsg, OpenImRoutes.GetAdminToken, OpenImRoutes.SendMsg],
            host.Emulator.Requests.All.Select(r => r.Path));
        var sends = host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg);
        Assert.NotEqual(sends[0].Headers["token"], sends[1].Headers["token"]);
        Assert.NotEqual(sends[0].Headers["operationID"], sends[1].Headers["operationID"]);
        Assert.Equal(["token_refresh"], host.RetryReasons);
    }

    [Fact]
    public async Task SendMsgAsync_TokenErrorAfterRefresh_ThrowsUnauthorizedWithoutThirdAttempt()
    {
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.FailNext(OpenImRoutes.SendMsg, 1501, "TokenExpiredError", times: 2);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

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
        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));
        host.Emulator.ExpireTokens();

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        var sends = host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg);
        Assert.Equal(3, sends.Count);
        Assert.Contains("\"errCode\":1501", sends[1].ResponseBody, StringComparison.Ordinal);
        Assert.Equal(2, host.Emulator.TokensIssued);
    }

    [Fact]
    public async Task SendMsgAsync_ServerKickedToken_RefreshesAndReplays()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V3UserToken);
        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));
        host.Emulator.KickTokens();

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        Assert.Contains("\"errCode\":1506", host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg)[1].ResponseBody, StringComparison.Ordinal);
        Assert.Equal(2, host.Emulator.TokensIssued);
    }

    [Fact]
    public async Task SendMsgAsync_ServerLostTokenCache_RefreshesAndReplays()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V3UserToken);
        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));
        host.Emulator.ForgetTokens();

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        Assert.Contains("\"errCode\":1507", host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg)[1].ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMsgAsync_MainEvictsOlderAdminToken_RefreshesOnce()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await OpenImTestHost.StartAsync(e => e.EvictOlderAdminTokens = true, clock: clock);
        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        // Another process fetches its own admin token; five minutes later ours is gone.
        host.Emulator.IssueToken("imAdmin");
        clock.Advance(TimeSpan.FromMinutes(4));
        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));
        clock.Advance(TimeSpan.FromMinutes(2));
        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        var sends = host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg);
        Assert.Equal(4, sends.Count);
        Assert.Contains("\"errCode\":1507", sends[2].ResponseBody, StringComparison.Ordinal);
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.GetAdminToken).Count);
    }

    [Fact]
    public async Task SendMsgAsync_V2ParseTokenFailed_RefreshesAndReplays()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);
        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));
        host.Emulator.ExpireTokens();

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

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

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

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

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

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

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal(GatewayErrorCode.RateLimited, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(429, error.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg));
    }

    [Fact]
    public async Task SendMsgAsync_Http429WithinMaxDelay_WaitsRetryAfterAndRetries()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await OpenImTestHost.StartAsync(configure: o =>
        {
            o.Resilience.Retry.MaxDelay = TimeSpan.FromSeconds(2);
            Patient(o);
        }, clock: clock);
        await host.Tokens.GetAsync();
        host.Emulator.RespondRateLimited(TimeSpan.FromSeconds(1), OpenImRoutes.SendMsg);

        var result = await clock.AdvanceUntilDoneAsync(host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")), Step, TimeSpan.FromSeconds(10));

        Assert.Single(result.Deliveries);
        Assert.Equal([429, 200], host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Select(r => r.ResponseStatus));
        Assert.Equal(["http_429"], host.RetryReasons);
    }

    [Fact]
    public async Task SendMsgAsync_Http503Once_RetriesTheSameRequestAndSucceeds()
    {
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.Faults.Enqueue(Fault.Respond(503), OpenImRoutes.SendMsg);

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        Assert.Single(result.Deliveries);
        var sends = host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg);
        Assert.Equal([503, 200], sends.Select(r => r.ResponseStatus));
        Assert.Equal(sends[0].Body, sends[1].Body);
        Assert.Equal(sends[0].Headers["operationID"], sends[1].Headers["operationID"]);
        Assert.Equal(["http_503"], host.RetryReasons);
        Assert.True(host.LoggedResilienceEvent("OnRetry"));
    }

    [Fact]
    public async Task SendMsgAsync_Http500WithoutBody_ThrowsTransientWithoutInProcessRetry()
    {
        // The server may have stored the message before it failed: the bus decides, after checking the idempotency record.
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.RespondPanic(OpenImRoutes.SendMsg, times: 3);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal(GatewayErrorCode.ProviderUnavailable, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(500, error.Status);
        Assert.Null(error.ProviderErrorCode);
        Assert.Equal([500], host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Select(r => r.ResponseStatus));
        Assert.Empty(host.RetryReasons);
        Assert.False(host.LoggedResilienceEvent("OnRetry"));
    }

    [Fact]
    public async Task SendMsgAsync_ErrCode500FromServer_ThrowsTransientWithoutInProcessRetry()
    {
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.FailNext(OpenImRoutes.SendMsg, 500, "ServerInternalError", "grpc service msg down");

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

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

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal(GatewayErrorCode.InvalidMessage, error.ErrorCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task SendMsgAsync_ConnectionDroppedAfterSending_ThrowsTransientWithoutResending()
    {
        await using var host = await OpenImTestHost.StartAsync();
        await host.Tokens.GetAsync();
        host.Emulator.Faults.Enqueue(Fault.DropConnection(), OpenImRoutes.SendMsg);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true, 0), (error.ErrorCode, error.IsTransient, error.Status));
        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg));
        Assert.Empty(host.RetryReasons);
    }

    [Fact]
    public async Task SendMsgAsync_AttemptTimesOut_ThrowsTransientWithoutResending()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.Resilience.AttemptTimeout = TimeSpan.FromSeconds(2), clock: clock);
        await host.Tokens.GetAsync();
        host.Emulator.Faults.Enqueue(Fault.Delay(TimeSpan.FromSeconds(30)), OpenImRoutes.SendMsg, times: 3);

        var send = host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));
        await Clock.UntilAsync(() => host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Count == 1);
        clock.Advance(TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<ProviderException>(() => send);

        Assert.Equal(GatewayErrorCode.ProviderUnavailable, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(0, error.Status);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.Contains("the server may have taken the message", error.Message, StringComparison.Ordinal);
        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg));
        Assert.Empty(host.RetryReasons);
    }

    [Fact]
    public async Task SendMsgAsync_ServerDown_RetriesTheRefusedConnectionThenThrowsTransientProviderUnavailable()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.Resilience.Retry.MaxRetryAttempts = 1);
        await host.Tokens.GetAsync(); // so the refused connection is the send's, on the instance's own pipeline
        await host.Emulator.DisposeAsync();

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal(GatewayErrorCode.ProviderUnavailable, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.DoesNotContain("?", error.Message, StringComparison.Ordinal);
        Assert.Equal(["transport"], host.RetryReasons);
        Assert.True(host.LoggedResilienceEvent("OnRetry"));
    }

    [Fact]
    public async Task SendMsgAsync_RepeatedFailures_OpenCircuitAndStopCallingTheServer()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreaker.MinimumThroughput = 2;
            o.Resilience.CircuitBreaker.FailureRatio = 0.5;
            o.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
        });
        await host.Tokens.GetAsync();
        host.Emulator.RespondPanic(OpenImRoutes.SendMsg, times: 2);

        // The token call goes through the auth side pipeline; on the send pipeline 2 calls failed: the circuit opens.
        var first = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        var second = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal((500, 500), (first.Status, second.Status));
        Assert.Equal(ProviderCircuitState.Open, host.Provider.CircuitState);
        Assert.Equal(GatewayErrorCode.ProviderUnavailable, error.ErrorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(0, error.Status);
        Assert.NotNull(error.RetryAfter);
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Count);
        Assert.True(host.LoggedResilienceEvent("OnCircuitOpened"));
    }

    [Fact]
    public async Task SendMsgAsync_UnlistedErrCode_ThrowsUnknownQuotingTheServer()
    {
        await using var host = await OpenImTestHost.StartAsync();
        host.Emulator.FailNext(OpenImRoutes.SendMsg, 4242, "webhook refused", "custom reason");

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal(GatewayErrorCode.Unknown, error.ErrorCode);
        Assert.Equal("4242", error.ProviderErrorCode);
        Assert.Contains("webhook refused: custom reason", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMsgAsync_ResponseLargerThanLimit_ThrowsWithoutReadingIt()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.MaxResponseBytes = 1024);
        host.Emulator.FailNext(OpenImRoutes.SendMsg, 500, "ServerInternalError", new string('x', 4096));

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMsgAsync_RateLimited_WaitsForPermitWithoutCallingTheServerAndRecordsTheWait()
    {
        // The limiter throttles instead of failing: the second send waits for the next second, and the server sees nothing meanwhile.
        var clock = new FakeTimeProvider(Start);
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.RateLimit.RequestsPerSecond = 1, clock: clock);

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));
        var second = host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u2"));
        await Task.Delay(50);
        var whileWaiting = host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Count;
        await clock.AdvanceUntilDoneAsync(second, Step, TimeSpan.FromSeconds(5));

        Assert.Equal(1, whileWaiting);
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Count);
        Assert.Equal(["send"], host.RateLimitWaits);
    }

    [Fact]
    public async Task GetAdminTokenAsync_AnswerWithoutToken_ThrowsUnauthorizedSayingSo()
    {
        var stub = new OpenImStub().OnToken(() => StubHandler.Json("""{"errCode":0,"errMsg":"","errDlt":"","data":{}}"""));
        await using var host = OpenImTestHost.Create(stub.Handler);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Tokens.GetAsync().AsTask());

        Assert.Equal((GatewayErrorCode.Unauthorized, false), (error.ErrorCode, error.IsTransient));
        Assert.Contains("the answer carried no token", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"token":"t-none"}""")]
    [InlineData("""{"token":"t-none","expireTimeSeconds":0}""")]
    [InlineData("""{"token":"t-none","expireTimeSeconds":-5}""")]
    [InlineData("""{"token":"t-none","expireTimeSeconds":99999999999999}""")]
    public async Task GetAdminTokenAsync_NoUsableExpiry_TrustsTheTokenForAnHour(string data)
    {
        var clock = new FakeTimeProvider(Start);
        var stub = new OpenImStub().OnToken(() => StubHandler.Json($$$"""{"errCode":0,"errMsg":"","errDlt":"","data":{{{data}}}}"""));
        await using var host = OpenImTestHost.Create(stub.Handler, o => o.TokenRefreshSkew = TimeSpan.FromMinutes(5), clock);

        var first = await host.Tokens.GetAsync();
        clock.Advance(TimeSpan.FromMinutes(54));
        var beforeSkew = await host.Tokens.GetAsync();
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterSkew = await host.Tokens.GetAsync();

        Assert.Equal(("t-none", "t-none", "stub-token-1"), (first, beforeSkew, afterSkew));
    }

    [Fact]
    public async Task GetAdminTokenAsync_V2ExpiredTimeIsAbsolute_RefreshesBeforeThatTime()
    {
        var clock = new FakeTimeProvider(Start);
        var expires = Start.AddHours(2).ToUnixTimeSeconds();
        var stub = new OpenImStub().OnToken(() => StubHandler.Json($$$"""{"errCode":0,"errMsg":"","data":{"userID":"openIMAdmin","token":"v2-token","expiredTime":{{{expires}}}}}"""));
        await using var host = OpenImTestHost.Create(stub.Handler, o => o.ApiVersion = OpenImApiVersion.V2, clock);

        var first = await host.Tokens.GetAsync();
        clock.Advance(TimeSpan.FromMinutes(114));
        var beforeSkew = await host.Tokens.GetAsync();
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterSkew = await host.Tokens.GetAsync();

        Assert.Equal(("v2-token", "v2-token", "stub-token-1"), (first, beforeSkew, afterSkew));
    }

    // The client's request log is Core's ProviderHttpLogger (registered for every provider client), in place of the
    // client factory's default loggers: one debug event per attempt, the route as a path, never a header.
    [Fact]
    public async Task SendMsgAsync_EveryAttempt_IsLoggedByTheProviderRequestLoggerWithItsPathAndStatus()
    {
        var stub = new OpenImStub().OnSend(() => OpenImStub.Error(1501, "TokenExpiredError"));
        await using var host = CreateLoggedSut(stub);

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        var answered = host.Logs.GetSnapshot().Where(r => r.Id.Name == "ProviderHttpResponseReceived").ToList();
        Assert.Equal(
            ["/prefix/auth/get_admin_token", "/prefix/msg/send_msg", "/prefix/auth/get_admin_token", "/prefix/msg/send_msg"],
            answered.Select(r => r.GetStructuredStateValue("Path")));
        Assert.All(answered, r => Assert.Equal(
            (LogLevel.Debug, ProviderHttpLoggerCategory, "openim", "200"),
            (r.Level, r.Category, r.GetStructuredStateValue("Provider"), r.GetStructuredStateValue("StatusCode"))));
        Assert.All(answered, r => Assert.DoesNotContain("openim.test", r.Message, StringComparison.Ordinal));
        Assert.Equal(4, host.Logs.GetSnapshot().Count(r => r.Id.Name == "ProviderHttpRequestSending" && r.Level == LogLevel.Debug));
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task SendMsgAsync_TransportFailure_IsLoggedWithTheErrorKind()
    {
        var stub = new OpenImStub().OnSend((_, _) => throw OpenImStub.ConnectionRefused(), times: 3);
        await using var host = CreateLoggedSut(stub, o => o.Resilience.Retry.MaxRetryAttempts = 0);

        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        var failed = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Name == "ProviderHttpRequestFailed");
        Assert.Equal(("/prefix/msg/send_msg", "ConnectionError"), (failed.GetStructuredStateValue("Path"), failed.GetStructuredStateValue("Error")));
        Assert.Equal((LogLevel.Debug, ProviderHttpLoggerCategory), (failed.Level, failed.Category));
        Assert.Null(failed.Exception);
    }

    [Fact]
    public async Task SendMsgAsync_AtTraceLevel_NoLogRecordCarriesAHeaderValue()
    {
        var stub = new OpenImStub();
        await using var host = CreateLoggedSut(stub);
        var message = Samples.Outbound(Samples.TextContent(), "u1");

        await host.Provider.SendAsync(message);

        var operationId = stub.SendRequests.Single().Headers["operationID"];
        Assert.All(host.Logs.GetSnapshot(), r =>
        {
            var state = string.Join(";", (r.StructuredState ?? []).Select(p => p.Value));
            Assert.DoesNotContain("stub-token-1", r.Message + state, StringComparison.Ordinal);
            Assert.DoesNotContain(operationId, r.Message + state, StringComparison.Ordinal);
        });
    }

    private const string ProviderHttpLoggerCategory = "Gateway.Core.Http.ProviderHttpLogger";

    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    /// <summary>A stub-backed host whose base URL has a path prefix, so logged paths show the whole route.</summary>
    private static OpenImTestHost CreateLoggedSut(OpenImStub stub, Action<OpenImOptions>? configure = null) =>
        OpenImTestHost.Create(stub.Handler, o =>
        {
            o.BaseUrl = new Uri("http://openim.test:10002/prefix");
            configure?.Invoke(o);
        });

    /// <summary>Timeouts far beyond what a pumped fake clock passes while a loopback request is in flight.</summary>
    private static void Patient(OpenImOptions options)
    {
        options.Resilience.AttemptTimeout = TimeSpan.FromMinutes(1);
        options.Resilience.TotalTimeout = TimeSpan.FromMinutes(5);
        options.Resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(2);
    }
}
