using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Core.Validation;
using NSubstitute.ExceptionExtensions;

namespace Gateway.Core.Tests.Internal;

public class MessageGatewayTests
{
    [Fact]
    public async Task SendAsync_ValidMessage_SendsThroughDefaultProviderAndReportsDeliveries()
    {
        var (gateway, factory, _) = TestGateway.Create();

        var outcome = await gateway.SendAsync(Samples.ToUsers(Samples.Image()));

        Assert.True(outcome.IsSuccess);
        Assert.Equal("primary", outcome.Sent.Provider);
        Assert.Equal(["alice", "bob"], outcome.Sent.Deliveries.Select(d => d.Recipient).ToArray());
        Assert.False(outcome.Sent.Duplicate);
        await factory.Created["primary"].Received(1).SendAsync(Arg.Any<SendMessage>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task SendAsync_InvalidMessage_NeverCallsProviderAndListsEveryRule()
    {
        var (gateway, factory, _) = TestGateway.Create();
        var message = Samples.Text() with { To = ["a", "a"], Content = MessageContent.FromText("") };

        var outcome = await gateway.SendAsync(message);

        Assert.False(outcome.IsSuccess);
        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed.Error.Code);
        Assert.Equal(0, outcome.Failed.Attempts);
        Assert.Null(outcome.Failed.Provider);
        Assert.Equal(["to", "content.text.text"], outcome.Failed.Error.Details!.Select(d => d.Field).ToArray());
        Assert.Equal("to: must not list a recipient twice; content.text.text: is required and must not be empty", outcome.Failed.Error.Message);
        await factory.Created["primary"].DidNotReceiveWithAnyArgs().SendAsync(default!, default);
    }

    [Fact]
    public async Task SendAsync_MessageNamesAProvider_RoutesToThatInstance()
    {
        var (gateway, factory, _) = TestGateway.Create(instances: ["openim", "tencent"]);

        var outcome = await gateway.SendAsync(Samples.Text() with { Provider = "TENCENT" });

        Assert.Equal("tencent", outcome.Sent!.Provider);
        await factory.Created["tencent"].Received(1).SendAsync(Arg.Any<SendMessage>(), Arg.Any<CancellationToken>());
        await factory.Created["openim"].DidNotReceiveWithAnyArgs().SendAsync(default!, default);
    }

    [Fact]
    public async Task SendAsync_UnknownProviderName_InvalidMessageListingConfiguredNames()
    {
        var (gateway, _, _) = TestGateway.Create(instances: ["openim", "tencent"]);

        var outcome = await gateway.SendAsync(Samples.Text() with { Provider = "sms" });

        var detail = Assert.Single(outcome.Failed!.Error.Details!);
        Assert.Equal(("provider", ValidationRules.UnknownProvider), (detail.Field, detail.Rule));
        Assert.Equal("'sms' is not a configured provider instance; configured: openim, tencent", detail.Message);
    }

    [Fact]
    public async Task SendAsync_ContentTheProviderCannotSend_RejectedBeforeAnyCall()
    {
        var (gateway, factory, _) = TestGateway.Create();
        factory.Capabilities = FakeProviderFactory.AllCapabilities with { ContentTypes = new HashSet<ContentType> { ContentType.Text } };

        var outcome = await gateway.SendAsync(Samples.ToUsers(Samples.Location()));

        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed!.Error.Code);
        Assert.Equal("primary", outcome.Failed.Provider);
        Assert.Equal("content.type: 'location' content is not supported by provider 'primary' (Fake)", outcome.Failed.Error.Message);
        await factory.Created["primary"].DidNotReceiveWithAnyArgs().SendAsync(default!, default);
    }

    [Fact]
    public async Task SendAsync_OptionTheProviderIgnores_SentWithIgnoredOptions()
    {
        var (gateway, factory, _) = TestGateway.Create();
        factory.Capabilities = FakeProviderFactory.AllCapabilities with { SupportedFields = OptionalFields.None };

        var outcome = await gateway.SendAsync(Samples.Text() with { Options = new MessageOptions { LifetimeSeconds = 30 } });

        Assert.Equal(["options.lifetimeSeconds"], outcome.Sent!.IgnoredOptions);
    }

    [Fact]
    public async Task SendAsync_OptionOnStrictInstance_RejectedBeforeAnyCall()
    {
        var (gateway, factory, _) = TestGateway.Create(o => o.Providers["primary"].Strict = true);
        factory.Capabilities = FakeProviderFactory.AllCapabilities with { SupportedFields = OptionalFields.None };

        var outcome = await gateway.SendAsync(Samples.Text() with { Options = new MessageOptions { LifetimeSeconds = 30 } });

        Assert.Equal("options.lifetimeSeconds", Assert.Single(outcome.Failed!.Error.Details!).Field);
        await factory.Created["primary"].DidNotReceiveWithAnyArgs().SendAsync(default!, default);
    }

    [Fact]
    public async Task SendAsync_SameMessageIdTwice_OneProviderCallAndSecondIsDuplicate()
    {
        var (gateway, factory, _) = TestGateway.Create();

        var first = await gateway.SendAsync(Samples.Text("dup-1"));
        var second = await gateway.SendAsync(Samples.Text("dup-1"));

        Assert.False(first.Sent!.Duplicate);
        Assert.True(second.Sent!.Duplicate);
        Assert.Equal(first.Sent.Deliveries, second.Sent.Deliveries);
        await factory.Created["primary"].Received(1).SendAsync(Arg.Any<SendMessage>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task SendAsync_SameMessageIdConcurrently_OneProviderCall()
    {
        var (gateway, factory, _) = TestGateway.Create();
        var provider = factory.Created["primary"];
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        provider.SendAsync(Arg.Any<SendMessage>(), Arg.Any<CancellationToken>()).Returns(async call =>
        {
            Interlocked.Increment(ref calls);
            await release.Task;
            return FakeProviderFactory.Delivered(call.Arg<SendMessage>());
        });

        var sends = Enumerable.Range(0, 8).Select(_ => Task.Run(() => gateway.SendAsync(Samples.Text("race")))).ToArray();
        while (Volatile.Read(ref calls) == 0)
        {
            await Task.Delay(5);
        }

        release.SetResult();
        var outcomes = await Task.WhenAll(sends);

        Assert.Equal(1, calls);
        Assert.All(outcomes, o => Assert.True(o.IsSuccess));
        Assert.Equal(7, outcomes.Count(o => o.Sent!.Duplicate));
    }

    [Fact]
    public async Task SendAsync_ProviderThrows_FailureCarriesCodesAndTheIdCanBeRetried()
    {
        var (gateway, factory, _) = TestGateway.Create();
        var provider = factory.Created["primary"];
        provider.SendAsync(Arg.Any<SendMessage>(), Arg.Any<CancellationToken>()).Returns(
            _ => throw new ProviderException("primary", GatewayErrorCode.ProviderUnavailable, "errCode 500: grpc service down", isTransient: true, status: 200, providerErrorCode: "500"),
            call => Task.FromResult(FakeProviderFactory.Delivered(call.Arg<SendMessage>())));

        var failed = await gateway.SendAsync(Samples.Text("retry-me"));
        var retried = await gateway.SendAsync(Samples.Text("retry-me"));

        Assert.Equal(
            new GatewayError { Code = GatewayErrorCode.ProviderUnavailable, ProviderCode = "500", Message = "errCode 500: grpc service down", Transient = true },
            failed.Failed!.Error);
        Assert.Equal(("primary", 1), (failed.Failed.Provider, failed.Failed.Attempts));
        Assert.True(retried.IsSuccess);
        Assert.False(retried.Sent.Duplicate);
    }

    [Fact]
    public async Task SendAsync_SomeRecipientsFailed_SentWithFailedRecipients()
    {
        var (gateway, factory, _) = TestGateway.Create();
        var notFound = new GatewayError { Code = GatewayErrorCode.RecipientNotFound, ProviderCode = "70107", Message = "account not found" };
        factory.Created["primary"].SendAsync(Arg.Any<SendMessage>(), Arg.Any<CancellationToken>()).Returns(new ProviderSendResult
        {
            Deliveries = [new MessageDelivery { Recipient = "alice", ProviderMessageKey = "k", SentAt = DateTimeOffset.UnixEpoch }],
            FailedRecipients = [new FailedRecipient { Recipient = "bob", Error = notFound }],
        });

        var outcome = await gateway.SendAsync(Samples.ToUsers(Samples.Custom()));

        Assert.Equal("alice", Assert.Single(outcome.Sent!.Deliveries).Recipient);
        Assert.Equal(new FailedRecipient { Recipient = "bob", Error = notFound }, Assert.Single(outcome.Sent.FailedRecipients));
    }

    [Fact]
    public async Task SendAsync_EveryRecipientFailed_FailureWithTheSharedCode()
    {
        var (gateway, factory, _) = TestGateway.Create();
        GatewayError NotFound(string who) => new() { Code = GatewayErrorCode.RecipientNotFound, ProviderCode = "70107", Message = $"{who} not found" };
        factory.Created["primary"].SendAsync(Arg.Any<SendMessage>(), Arg.Any<CancellationToken>()).Returns(new ProviderSendResult
        {
            Deliveries = [],
            FailedRecipients = [new FailedRecipient { Recipient = "alice", Error = NotFound("alice") }, new FailedRecipient { Recipient = "bob", Error = NotFound("bob") }],
        });

        var outcome = await gateway.SendAsync(Samples.ToUsers(Samples.Custom()));

        Assert.Equal(GatewayErrorCode.RecipientNotFound, outcome.Failed!.Error.Code);
        Assert.Equal("70107", outcome.Failed.Error.ProviderCode);
        Assert.Equal("all 2 recipients failed: alice: alice not found; bob: bob not found", outcome.Failed.Error.Message);
    }

    [Fact]
    public async Task SendAsync_ProviderThrowsUnexpectedly_UnknownErrorWithoutTheExceptionText()
    {
        var (gateway, factory, _) = TestGateway.Create();
        factory.Created["primary"].SendAsync(Arg.Any<SendMessage>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new InvalidOperationException("https://im.example/v4?usersig=SECRET"));

        var outcome = await gateway.SendAsync(Samples.Text());

        Assert.Equal(GatewayErrorCode.Unknown, outcome.Failed!.Error.Code);
        Assert.False(outcome.Failed.Error.Transient);
        Assert.DoesNotContain("SECRET", outcome.Failed.Error.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", outcome.Failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TransportExceptionEscapesTheAdapter_TransientProviderUnavailable()
    {
        var (gateway, factory, _) = TestGateway.Create();
        factory.Created["primary"].SendAsync(Arg.Any<SendMessage>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new HttpRequestException("connection refused"));

        var outcome = await gateway.SendAsync(Samples.Text());

        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true), (outcome.Failed!.Error.Code, outcome.Failed.Error.Transient));
    }

    [Fact]
    public async Task SendAsync_CallerCancels_ThrowsAndRecordsNothing()
    {
        var (gateway, factory, _) = TestGateway.Create();
        using var cancellation = new CancellationTokenSource();
        factory.Created["primary"].SendAsync(Arg.Any<SendMessage>(), Arg.Any<CancellationToken>()).Returns(async call =>
        {
            await cancellation.CancelAsync();
            call.Arg<CancellationToken>().ThrowIfCancellationRequested();
            return FakeProviderFactory.Delivered(call.Arg<SendMessage>());
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gateway.SendAsync(Samples.Text("cancel-me"), cancellation.Token));
        factory.Created["primary"].SendAsync(Arg.Any<SendMessage>(), Arg.Any<CancellationToken>())
            .Returns(call => FakeProviderFactory.Delivered(call.Arg<SendMessage>()));
        var again = await gateway.SendAsync(Samples.Text("cancel-me"));

        Assert.False(again.Sent!.Duplicate);
    }

    [Fact]
    public async Task RevokeAsync_Supported_RevokedThenDuplicateOnRepeat()
    {
        var (gateway, factory, _) = TestGateway.Create();
        var request = new RevokeMessage { MessageId = "rv-1", ProviderMessageKey = "key-alice", Target = new RevokeTarget { To = "alice" } };

        var first = await gateway.RevokeAsync(request);
        var second = await gateway.RevokeAsync(request);

        Assert.Equal(("rv-1", "primary", "key-alice", false), (first.Revoked!.MessageId, first.Revoked.Provider, first.Revoked.ProviderMessageKey, first.Revoked.Duplicate));
        Assert.True(second.Revoked!.Duplicate);
        await factory.Created["primary"].Received(1).RevokeAsync(Arg.Any<RevokeMessage>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RevokeAsync_ProviderCannotRevoke_InvalidMessageWithoutCall()
    {
        var (gateway, factory, _) = TestGateway.Create();
        factory.Capabilities = FakeProviderFactory.AllCapabilities with { Revoke = RecipientKinds.None };

        var outcome = await gateway.RevokeAsync(new RevokeMessage { MessageId = "rv-2", ProviderMessageKey = "k", Target = new RevokeTarget { To = "alice" } });

        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed!.Error.Code);
        Assert.Equal("target.to: revoking messages is not supported by provider 'primary' (Fake)", outcome.Failed.Error.Message);
        await factory.Created["primary"].DidNotReceiveWithAnyArgs().RevokeAsync(default!, default);
    }

    [Fact]
    public async Task RevokeAsync_ProviderRefuses_FailureWithProviderCode()
    {
        var (gateway, factory, _) = TestGateway.Create();
        factory.Created["primary"].RevokeAsync(Arg.Any<RevokeMessage>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new ProviderException("primary", GatewayErrorCode.InvalidMessage, "invalid MsgKey", providerErrorCode: "90054"));

        var outcome = await gateway.RevokeAsync(new RevokeMessage { MessageId = "rv-3", ProviderMessageKey = "bad", Target = new RevokeTarget { To = "alice" } });

        Assert.Equal(("90054", 1), (outcome.Failed!.Error.ProviderCode, outcome.Failed.Attempts));
    }

    [Fact]
    public async Task RevokeAsync_InvalidRequest_FailureNamesTheField()
    {
        var (gateway, _, _) = TestGateway.Create();

        var outcome = await gateway.RevokeAsync(new RevokeMessage { MessageId = "rv-4", ProviderMessageKey = "", Target = new RevokeTarget { To = "alice" } });

        Assert.Equal("providerMessageKey", Assert.Single(outcome.Failed!.Error.Details!).Field);
    }
}
