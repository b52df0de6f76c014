using System.Net;
using Gateway.Core.Contracts;
using Gateway.Core.Http;
using Gateway.Core.Providers;
using Gateway.OpenIm.Tests.Support;
using Gateway.Sandbox.Hosting;
using Gateway.Sandbox.OpenIm;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.OpenIm.Tests;

/// <summary>
/// Single, group, batch and per-recipient sends with their per-recipient outcomes against the emulator; the breaker
/// state the provider reports for readiness. (The adapter's own send rules are capabilities now: OpenImCapabilitiesTests.)
/// </summary>
public sealed class OpenImMessageProviderTests
{
    [Fact]
    public async Task SendAsync_OneUser_ReportsClientMsgIdAndServerSendTime()
    {
        await using var host = await OpenImTestHost.StartAsync();

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        var stored = Assert.Single(host.Emulator.Messages);
        var delivery = Assert.Single(result.Deliveries);
        Assert.Equal("u1", delivery.Recipient);
        Assert.Equal(stored.ClientMsgId, delivery.ProviderMessageKey);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(stored.SendTime), delivery.SentAt);
        Assert.Empty(result.FailedRecipients);
    }

    [Fact]
    public async Task SendAsync_UnknownUser_ThrowsRecipientNotFound()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Users = new HashSet<string> { "u1" });

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "ghost")));

        Assert.Equal(GatewayErrorCode.RecipientNotFound, error.ErrorCode);
        Assert.Equal("1004", error.ProviderErrorCode);
    }

    [Fact]
    public async Task SendAsync_RecipientTurnedMessagesOff_ThrowsRecipientRejected()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.RefusingRecipients.Add("u1"));

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        Assert.Equal(GatewayErrorCode.RecipientRejected, error.ErrorCode);
        Assert.Equal("1001", error.ProviderErrorCode);
    }

    [Fact]
    public async Task SendAsync_UnknownGroup_ThrowsRecipientNotFound()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Groups = new Dictionary<string, OpenImEmulatedGroup> { ["g1"] = new() });

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.OutboundToGroup(Samples.TextContent(), "g-none")));

        Assert.Equal(GatewayErrorCode.RecipientNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task SendAsync_NonAdminSenderMutedInGroup_ThrowsRecipientRejected()
    {
        var group = new OpenImEmulatedGroup { Members = new HashSet<string> { "u9" } };
        group.MutedMembers.Add("u9");
        await using var host = await OpenImTestHost.StartAsync(e => e.Groups = new Dictionary<string, OpenImEmulatedGroup> { ["g1"] = group });
        var message = Samples.OutboundToGroup(Samples.TextContent()) with { Sender = new MessageSender { UserId = "u9" } };

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(message));

        Assert.Equal(GatewayErrorCode.RecipientRejected, error.ErrorCode);
        Assert.Equal("1402", error.ProviderErrorCode);
    }

    [Fact]
    public async Task SendAsync_BatchWithUnknownUser_ReportsEachRecipient()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Users = new HashSet<string> { "u1", "u3" });

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1", "u2", "u3"));

        Assert.Equal(["u1", "u3"], result.Deliveries.Select(d => d.Recipient));
        var failed = Assert.Single(result.FailedRecipients);
        Assert.Equal("u2", failed.Recipient);
        Assert.Equal(GatewayErrorCode.Unknown, failed.Error.Code);
        Assert.Contains("failedUserIDs", failed.Error.Message, StringComparison.Ordinal);
        Assert.Single(result.Deliveries.Select(d => d.ProviderMessageKey).Distinct());
        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.BatchSendMsg));
    }

    [Fact]
    public async Task SendAsync_BatchAnswerWithNullLists_ReportsNobodyAsDelivered()
    {
        await using var host = await OpenImTestHost.StartAsync();
        await host.Tokens.GetAsync();
        host.Emulator.Faults.Enqueue(
            Fault.Respond(200, """{"errCode":0,"errMsg":"","errDlt":"","data":{"results":null,"failedUserIDs":null}}"""),
            OpenImRoutes.BatchSendMsg);

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1", "u2"));

        Assert.Empty(result.Deliveries);
        Assert.Equal(["u1", "u2"], result.FailedRecipients.Select(f => f.Recipient));
        Assert.All(result.FailedRecipients, f => Assert.Contains("neither a result nor a failure", f.Error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_BatchAnswerWithResultsAndNullFailures_ReportsUnlistedRecipientAsFailed()
    {
        await using var host = await OpenImTestHost.StartAsync();
        await host.Tokens.GetAsync();
        host.Emulator.Faults.Enqueue(
            Fault.Respond(200, """
                {"errCode":0,"errMsg":"","errDlt":"","data":{"results":[{"serverMsgID":"s1","clientMsgID":"c1","sendTime":1767225600000,"recvID":"u1"}],"failedUserIDs":null}}
                """),
            OpenImRoutes.BatchSendMsg);

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1", "u2"));

        var delivery = Assert.Single(result.Deliveries);
        Assert.Equal(("u1", "c1"), (delivery.Recipient, delivery.ProviderMessageKey));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), delivery.SentAt);
        Assert.Equal("u2", Assert.Single(result.FailedRecipients).Recipient);
    }

    [Fact]
    public async Task SendAsync_MoreRecipientsThanBatchSize_SendsChunksWithRecvIdsArrays()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.BatchSize = 2);

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1", "u2", "u3", "u4", "u5"));

        Assert.Equal(5, result.Deliveries.Count);
        var chunks = host.Emulator.Requests.ForPath(OpenImRoutes.BatchSendMsg)
            .Select(r => string.Join(',', r.BodyJson()!["recvIDs"]!.AsArray().Select(n => n!.GetValue<string>())))
            .ToList();
        Assert.Equal(["u1,u2", "u3,u4", "u5"], chunks);
        Assert.Empty(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg));
    }

    [Fact]
    public async Task SendAsync_LaterChunkFailsWhole_ReportsEarlierChunkDeliveredAndRestFailed()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.BatchSize = 2);
        await host.Tokens.GetAsync();
        host.Emulator.Faults.Enqueue(Fault.Delay(TimeSpan.Zero), OpenImRoutes.BatchSendMsg); // the first chunk passes
        host.Emulator.FailNext(OpenImRoutes.BatchSendMsg, 1002, "NoPermissionError", "only app manager can send message");

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1", "u2", "u3", "u4", "u5"));

        Assert.Equal(["u1", "u2"], result.Deliveries.Select(d => d.Recipient));
        Assert.Equal(["u3", "u4", "u5"], result.FailedRecipients.Select(f => f.Recipient));
        Assert.All(result.FailedRecipients, f => Assert.Equal((GatewayErrorCode.Forbidden, "1002"), (f.Error.Code, f.Error.ProviderCode)));
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.BatchSendMsg).Count);
    }

    [Fact]
    public async Task SendAsync_FirstChunkFailsWhole_Throws()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o => o.BatchSize = 2);
        host.Emulator.FailNext(OpenImRoutes.BatchSendMsg, 500, "ServerInternalError", "grpc service msg down");

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1", "u2", "u3")));

        Assert.Equal(GatewayErrorCode.ProviderUnavailable, error.ErrorCode);
        Assert.Single(host.Emulator.Requests.ForPath(OpenImRoutes.BatchSendMsg));
    }

    [Fact]
    public async Task SendAsync_PerRecipientMode_SendsOneSendMsgEachWithItsOwnOutcome()
    {
        await using var host = await OpenImTestHost.StartAsync(
            e =>
            {
                e.Users = new HashSet<string> { "u1", "u3" };
                e.RefusingRecipients.Add("u3");
            },
            o => o.DeliveryMode = OpenImDeliveryMode.PerRecipient);

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1", "u2", "u3"));

        Assert.Equal("u1", Assert.Single(result.Deliveries).Recipient);
        Assert.Equal(
            [("u2", GatewayErrorCode.RecipientNotFound, "1004"), ("u3", GatewayErrorCode.RecipientRejected, "1001")],
            result.FailedRecipients.Select(f => (f.Recipient, f.Error.Code, f.Error.ProviderCode)));
        Assert.Equal(["u1", "u2", "u3"], host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Select(r => r.BodyJson()!["recvID"]!.GetValue<string>()));
        Assert.Empty(host.Emulator.Requests.ForPath(OpenImRoutes.BatchSendMsg));
        Assert.Equal(1, host.Provider.Capabilities.MaxRecipientsPerCall);
    }

    [Fact]
    public async Task SendAsync_PerRecipientProviderFailure_StopsAndReportsTheRestFailed()
    {
        await using var host = await OpenImTestHost.StartAsync(configure: o =>
        {
            o.DeliveryMode = OpenImDeliveryMode.PerRecipient;
            o.Resilience.Retry.MaxRetryAttempts = 0;
        });
        await host.Tokens.GetAsync();
        host.Emulator.Faults.Enqueue(Fault.Delay(TimeSpan.Zero), OpenImRoutes.SendMsg);
        host.Emulator.RespondPanic(OpenImRoutes.SendMsg);

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1", "u2", "u3"));

        Assert.Equal("u1", Assert.Single(result.Deliveries).Recipient);
        Assert.Equal(["u2", "u3"], result.FailedRecipients.Select(f => f.Recipient));
        Assert.All(result.FailedRecipients, f => Assert.Equal(GatewayErrorCode.ProviderUnavailable, f.Error.Code));
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Count);
    }

    [Fact]
    public async Task SendAsync_V2SeveralUsers_SendsOneManagerSendMsgEach()
    {
        await using var host = await OpenImTestHost.StartAsync(e => e.Generation = OpenImServerGeneration.V2);

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1", "u2"));

        Assert.Equal(["u1", "u2"], result.Deliveries.Select(d => d.Recipient));
        Assert.Equal(2, host.Emulator.Requests.ForPath(OpenImRoutes.ManagerSendMsg).Count);
    }

    [Fact]
    public async Task SendAsync_V2BlockedNonAdminSender_ThrowsRecipientRejected()
    {
        await using var host = await OpenImTestHost.StartAsync(e =>
        {
            e.Generation = OpenImServerGeneration.V2;
            e.BlockedSenders["u1"] = new HashSet<string> { "u9" };
        });
        var message = Samples.Outbound(Samples.TextContent(), "u1") with { Sender = new MessageSender { UserId = "u9" } };

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(message));

        Assert.Equal(GatewayErrorCode.RecipientRejected, error.ErrorCode);
        Assert.Equal("600", error.ProviderErrorCode);
    }

    [Fact]
    public async Task SendAsync_V3NotificationWithoutFaceUrl_IsAccepted()
    {
        await using var host = await OpenImTestHost.StartAsync();

        var result = await host.Provider.SendAsync(Samples.Outbound(Samples.Notification(faceUrl: null), "u1"));

        Assert.Single(result.Deliveries);
        Assert.Null(host.Emulator.Requests.ForPath(OpenImRoutes.SendMsg).Single().BodyJson()!["content"]!["notificationFaceURL"]);
    }

    [Fact]
    public async Task SendAsync_NotificationFromOrdinaryUser_ThrowsForbidden()
    {
        await using var host = await OpenImTestHost.StartAsync();
        var message = Samples.Outbound(Samples.Notification(), "u1") with { Sender = new MessageSender { UserId = "u9" } };

        var error = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(message));

        Assert.Equal(GatewayErrorCode.Forbidden, error.ErrorCode);
        Assert.Contains("notification messages cannot be sent for this ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CircuitState_AfterFailuresAndAfterTheBreak_ReportsTheInstanceBreaker()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var stub = new OpenImStub().OnSend(() => OpenImStub.Status(HttpStatusCode.InternalServerError), times: 2);
        await using var host = OpenImTestHost.Create(
            stub.Handler,
            o =>
            {
                o.Resilience.Retry.MaxRetryAttempts = 0;
                o.Resilience.CircuitBreaker.MinimumThroughput = 2;
                o.Resilience.CircuitBreaker.FailureRatio = 0.5;
                o.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
            },
            clock);
        var before = host.Provider.CircuitState;
        await host.Tokens.GetAsync();

        // The token call goes through the auth side pipeline; the send pipeline's breaker opens after 2 failed sends.
        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        var afterOneFailure = host.Provider.CircuitState;
        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        var open = host.Provider.CircuitState;
        var refused = await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        clock.Advance(TimeSpan.FromSeconds(31));
        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        Assert.Equal((ProviderCircuitState.Closed, ProviderCircuitState.Closed, ProviderCircuitState.Open), (before, afterOneFailure, open));
        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
        Assert.Equal(ProviderCircuitState.Closed, host.Provider.CircuitState);
        Assert.Equal(3, stub.SendRequests.Count);
    }

    [Fact]
    public async Task CircuitState_TokenBreakerOpen_ReportsOpenBecauseNothingCanBeSent()
    {
        var stub = new OpenImStub().OnToken(() => OpenImStub.Status(HttpStatusCode.InternalServerError), times: 2);
        await using var host = OpenImTestHost.Create(stub.Handler, o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreaker.MinimumThroughput = 2;
        });

        await Assert.ThrowsAsync<ProviderException>(() => host.Tokens.GetAsync().AsTask());
        var afterOneFailure = host.Provider.CircuitState;
        await Assert.ThrowsAsync<ProviderException>(() => host.Tokens.GetAsync().AsTask());

        Assert.Equal(ProviderCircuitState.Closed, afterOneFailure);
        Assert.Equal(ProviderCircuitState.Open, host.Provider.CircuitState);
        Assert.Equal(ProviderCircuitState.Closed, host.Services.GetRequiredService<ProviderCircuits>().StateOf(OpenImTestHost.Instance));
    }

    [Fact]
    public async Task CircuitState_IsTheSameForEveryProviderObjectOfTheInstance()
    {
        var stub = new OpenImStub().OnSend(() => OpenImStub.Status(HttpStatusCode.InternalServerError), times: 2);
        await using var host = OpenImTestHost.Create(stub.Handler, o =>
        {
            o.Resilience.Retry.MaxRetryAttempts = 0;
            o.Resilience.CircuitBreaker.MinimumThroughput = 2;
        });
        await host.Tokens.GetAsync();

        // Two failed sends through this provider object open the instance's send breaker; the registry's object sees it.
        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));
        var outcome = await host.Gateway.SendAsync(Samples.ToUsers(Samples.TextContent(), "u1"));

        Assert.Equal(ProviderCircuitState.Open, host.Provider.CircuitState);
        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true), (outcome.Failed!.Error.Code, outcome.Failed.Error.Transient));
        Assert.Equal(2, stub.SendRequests.Count);
    }
}
