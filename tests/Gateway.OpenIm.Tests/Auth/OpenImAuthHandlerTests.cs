using System.Net;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.OpenIm.Tests.Support;
using Gateway.Testing;
using Microsoft.Extensions.Logging;

namespace Gateway.OpenIm.Tests.Auth;

/// <summary>
/// The innermost handler over a stub: headers per API generation, the admin token on every call but the token call,
/// one renewal and one replay when the server rejects the token, concurrent rejections collapsing into one fetch, and
/// the answer read once.
/// </summary>
public sealed class OpenImAuthHandlerTests
{
    [Fact]
    public async Task SendAsync_V3_AddsOperationIdHeaderAndTokenOnlyWhereTheyBelong()
    {
        var stub = new OpenImStub();
        await using var host = CreateSut(stub);
        var message = Samples.Outbound(Samples.TextContent(), "u1");

        await host.Provider.SendAsync(message);

        var token = Assert.Single(stub.TokenRequests);
        var send = Assert.Single(stub.SendRequests);
        Assert.StartsWith(OperationIdPrefixOfToken, token.Headers["operationID"], StringComparison.Ordinal);
        Assert.False(token.Headers.ContainsKey("token"));
        Assert.StartsWith(message.MessageId + "-", send.Headers["operationID"], StringComparison.Ordinal);
        Assert.Equal("stub-token-1", send.Headers["token"]);
    }

    [Fact]
    public async Task SendAsync_V2_PutsOperationIdInTheBodyOnly()
    {
        var stub = new OpenImStub();
        await using var host = CreateSut(stub, o => o.ApiVersion = OpenImApiVersion.V2);

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        Assert.All(stub.Handler.Requests, r => Assert.False(r.Headers.ContainsKey("operationID")));
        Assert.StartsWith(OperationIdPrefixOfToken, stub.TokenRequests.Single().Json!["operationID"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("stub-token-1", stub.SendRequests.Single().Headers["token"]);
    }

    [Theory]
    [InlineData(1501, "TokenExpiredError")]
    [InlineData(1507, "TokenNotExistError")]
    public async Task SendAsync_TokenRejected_RenewsOnceAndReplaysWithTheNewToken(int errCode, string errMsg)
    {
        var stub = new OpenImStub().OnSend(() => OpenImStub.Error(errCode, errMsg));
        await using var host = CreateSut(stub);

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        Assert.Single(result.Deliveries);
        Assert.Equal(["stub-token-1", "stub-token-2"], stub.SendRequests.Select(r => r.Headers["token"]));
        Assert.NotEqual(stub.SendRequests[0].Headers["operationID"], stub.SendRequests[1].Headers["operationID"]);
        Assert.Equal(stub.SendRequests[0].BodyText, stub.SendRequests[1].BodyText);
        Assert.Equal(2, host.Tokens.Issued);
        Assert.Equal(["token_refresh"], host.RetryReasons);
        var rejected = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Name == "OpenImTokenRejected");
        Assert.Equal(LogLevel.Warning, rejected.Level);
        Assert.DoesNotContain("stub-token", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TokenRejectedAfterRenewal_ThrowsUnauthorizedWithoutAThirdAttempt()
    {
        var stub = new OpenImStub().OnSend(() => OpenImStub.Error(1501, "TokenExpiredError"), times: 2);
        await using var host = CreateSut(stub);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal((GatewayErrorCode.Unauthorized, false, "1501"), (error.ErrorCode, error.IsTransient, error.ProviderErrorCode));
        Assert.Contains("still refused after fetching a new admin token", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, stub.SendRequests.Count);
        Assert.Equal(2, stub.TokenRequests.Count);
        Assert.Equal(["token_refresh"], host.RetryReasons);
    }

    [Fact]
    public async Task SendAsync_V2ParseTokenFailed_RenewsOnceAndReplays()
    {
        var stub = new OpenImStub().OnSend(() => StubHandler.Json("""{"errCode":400,"errMsg":"parse token failed","sendTime":0,"MsgID":""}""", HttpStatusCode.BadRequest));
        await using var host = CreateSut(stub, o => o.ApiVersion = OpenImApiVersion.V2);

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        Assert.Single(result.Deliveries);
        Assert.Equal(["stub-token-1", "stub-token-2"], stub.SendRequests.Select(r => r.Headers["token"]));
        Assert.Equal(["token_refresh"], host.RetryReasons);
    }

    [Fact]
    public async Task SendAsync_ConcurrentRejections_RenewTheTokenOnce()
    {
        // Every send carrying the first token is rejected; the ones carrying a newer token succeed.
        var stub = new OpenImStub().Reject("stub-token-1", TimeSpan.FromMilliseconds(30));
        await using var host = CreateSut(stub);
        await host.Tokens.GetAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u" + i))));

        Assert.All(results, r => Assert.Single(r.Deliveries));
        Assert.Equal(2, host.Tokens.Issued);
        Assert.Equal(2, stub.TokensIssued);
        var rejected = stub.SendRequests.Count(r => r.Headers["token"] == "stub-token-1");
        Assert.True(rejected > 1, "the sends did not overlap, so nothing was renewed concurrently");
        Assert.Equal(10, stub.SendRequests.Count(r => r.Headers["token"] == "stub-token-2"));
        Assert.Equal(Enumerable.Repeat("token_refresh", rejected), host.RetryReasons.ToArray());
    }

    [Fact]
    public async Task SendAsync_Answer_IsReadOnce()
    {
        var body = new CountingContent("""{"errCode":0,"errMsg":"","errDlt":"","data":{"serverMsgID":"s","clientMsgID":"c1","sendTime":1767225600000}}""");
        var stub = new OpenImStub().OnSend(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = body });
        await using var host = CreateSut(stub);

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        Assert.Equal("c1", Assert.Single(result.Deliveries).ProviderMessageKey);
        Assert.Equal(1, body.Reads);
    }

    [Fact]
    public async Task SendAsync_FailedAnswerSeenByBreakerAndErrorMap_IsReadOnce()
    {
        // The breaker (server-failure codes), the token check and the client's error all look at this answer.
        var body = new CountingContent("""{"errCode":500,"errMsg":"ServerInternalError","errDlt":"grpc service msg down"}""");
        var stub = new OpenImStub().OnSend(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = body });
        await using var host = CreateSut(stub);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal(("500", GatewayErrorCode.ProviderUnavailable), (error.ProviderErrorCode, error.ErrorCode));
        Assert.Contains("grpc service msg down", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, body.Reads);
    }

    [Fact]
    public async Task SendAsync_RejectedAndReplayedAnswers_AreEachReadOnce()
    {
        var rejected = new CountingContent("""{"errCode":1501,"errMsg":"TokenExpiredError","errDlt":""}""");
        var accepted = new CountingContent("""{"errCode":0,"errMsg":"","errDlt":"","data":{"clientMsgID":"c2","sendTime":1767225600000}}""");
        var stub = new OpenImStub()
            .OnSend(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = rejected })
            .OnSend(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = accepted });
        await using var host = CreateSut(stub);

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        Assert.Equal("c2", Assert.Single(result.Deliveries).ProviderMessageKey);
        Assert.Equal((1, 1), (rejected.Reads, accepted.Reads));
    }

    [Fact]
    public async Task SendAsync_TokenRequestFails_ThrowsItsErrorWithoutSending()
    {
        var stub = new OpenImStub().OnToken(() => OpenImStub.Error(1002, "NoPermissionError", "secret invalid"));
        await using var host = CreateSut(stub);

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal((GatewayErrorCode.Unauthorized, "1002"), (error.ErrorCode, error.ProviderErrorCode));
        Assert.Contains("check Secret, AdminUserId and ApiVersion", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OpenImTestHost.StubSecret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(OpenImTestHost.StubSecret, host.LoggedText, StringComparison.Ordinal);
        Assert.Empty(stub.SendRequests);
    }

    private const string OperationIdPrefixOfToken = "gateway-token-";

    private static OpenImTestHost CreateSut(OpenImStub stub, Action<OpenImOptions>? configure = null) =>
        OpenImTestHost.Create(stub.Handler, configure);
}
