using Gateway.Core.Contracts;
using Gateway.Core.Idempotency;
using Gateway.Core.Messages;
using Gateway.Core.Providers;
using Gateway.Core.Tests.Fakes;
using Gateway.Core.Validation;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Core.Tests.Pipeline;

public class GatewayPipelineTests
{
    [Fact]
    public async Task SendAsync_ValidMessage_SendsThroughDefaultProviderAndReportsDeliveries()
    {
        using var sut = CreateSut();

        var outcome = await sut.Pipeline.SendAsync(Samples.ToUsers(Samples.Image()), default);

        Assert.True(outcome.IsSuccess);
        Assert.Equal("primary", outcome.Sent.Provider);
        Assert.Equal(["alice", "bob"], outcome.Sent.Deliveries.Select(d => d.Recipient).ToArray());
        Assert.False(outcome.Sent.Duplicate);
        var sent = Assert.Single(sut.Provider.Sent);
        Assert.Equal(["alice", "bob"], Assert.IsType<UserRecipients>(sent.Recipients).UserIds);
    }

    [Fact]
    public async Task SendAsync_InvalidMessage_NeverCallsProviderAndListsEveryRule()
    {
        using var sut = CreateSut();
        var message = Samples.Text() with { To = ["a", "a"], Content = MessageContent.FromText("") };

        var outcome = await sut.Pipeline.SendAsync(message, default);

        Assert.False(outcome.IsSuccess);
        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed.Error.Code);
        Assert.Equal(0, outcome.Failed.Attempts);
        Assert.Null(outcome.Failed.Provider);
        Assert.Equal(["to", "content.text.text"], outcome.Failed.Error.Details!.Select(d => d.Field).ToArray());
        Assert.Equal("to: must not list a recipient twice; content.text.text: is required and must not be empty", outcome.Failed.Error.Message);
        Assert.Empty(sut.Provider.Sent);
    }

    [Fact]
    public async Task SendAsync_MessageNamesAProvider_RoutesToThatInstance()
    {
        using var sut = CreateSut(instances: ["openim", "tencent"]);

        var outcome = await sut.Pipeline.SendAsync(Samples.Text() with { Provider = "TENCENT" }, default);

        Assert.Equal("tencent", outcome.Sent!.Provider);
        Assert.Single(sut["tencent"].Sent);
        Assert.Empty(sut["openim"].Sent);
    }

    [Fact]
    public async Task SendAsync_UnknownProviderName_InvalidMessageListingConfiguredNames()
    {
        using var sut = CreateSut(instances: ["openim", "tencent"]);

        var outcome = await sut.Pipeline.SendAsync(Samples.Text() with { Provider = "sms" }, default);

        var detail = Assert.Single(outcome.Failed!.Error.Details!);
        Assert.Equal(("provider", ValidationRules.UnknownProvider), (detail.Field, detail.Rule));
        Assert.Equal("'sms' is not a configured provider instance; configured: openim, tencent", detail.Message);
    }

    [Fact]
    public async Task SendAsync_ContentTheProviderCannotSend_RejectedBeforeAnyCall()
    {
        using var sut = CreateSut();
        sut.Provider.Capabilities = FakeProvider.AllCapabilities with { ContentTypes = new HashSet<ContentType> { ContentType.Text } };

        var outcome = await sut.Pipeline.SendAsync(Samples.ToUsers(Samples.Location()), default);

        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed!.Error.Code);
        Assert.Equal("primary", outcome.Failed.Provider);
        Assert.Equal("content.type: 'location' content is not supported by provider 'primary' (Fake)", outcome.Failed.Error.Message);
        Assert.Empty(sut.Provider.Sent);
    }

    [Fact]
    public async Task SendAsync_OptionTheProviderIgnores_SentWithIgnoredOptions()
    {
        using var sut = CreateSut();
        sut.Provider.Capabilities = FakeProvider.AllCapabilities with { SupportedFields = OptionalFields.None };

        var outcome = await sut.Pipeline.SendAsync(Samples.Text() with { Options = new MessageOptions { LifetimeSeconds = 30 } }, default);

        Assert.Equal(["options.lifetimeSeconds"], outcome.Sent!.IgnoredOptions);
    }

    [Fact]
    public async Task SendAsync_OptionOnStrictInstance_RejectedBeforeAnyCall()
    {
        using var sut = CreateSut(o => o.Providers["primary"].Strict = true);
        sut.Provider.Capabilities = FakeProvider.AllCapabilities with { SupportedFields = OptionalFields.None };

        var outcome = await sut.Pipeline.SendAsync(Samples.Text() with { Options = new MessageOptions { LifetimeSeconds = 30 } }, default);

        Assert.Equal("options.lifetimeSeconds", Assert.Single(outcome.Failed!.Error.Details!).Field);
        Assert.Empty(sut.Provider.Sent);
    }

    [Fact]
    public async Task SendAsync_SameMessageIdTwice_OneProviderCallAndSecondIsDuplicate()
    {
        using var sut = CreateSut();

        var first = await sut.Pipeline.SendAsync(Samples.Text("dup-1"), default);
        var second = await sut.Pipeline.SendAsync(Samples.Text("dup-1"), default);

        Assert.False(first.Sent!.Duplicate);
        Assert.True(second.Sent!.Duplicate);
        Assert.Equal(first.Sent.Deliveries, second.Sent.Deliveries);
        Assert.Single(sut.Provider.Sent);
    }

    [Fact]
    public async Task SendAsync_SameMessageIdConcurrently_OneProviderCall()
    {
        using var sut = CreateSut();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        sut.Provider.OnSend = async (message, _) =>
        {
            Interlocked.Increment(ref calls);
            entered.TrySetResult();
            await release.Task;
            return FakeProvider.Delivered(message);
        };
        var pipeline = sut.Pipeline;

        var sends = Enumerable.Range(0, 8).Select(_ => Task.Run(() => pipeline.SendAsync(Samples.Text("race"), default))).ToArray();
        await entered.Task;
        release.SetResult();
        var outcomes = await Task.WhenAll(sends);

        Assert.Equal(1, calls);
        Assert.All(outcomes, o => Assert.True(o.IsSuccess));
        Assert.Equal(7, outcomes.Count(o => o.Sent!.Duplicate));
    }

    [Fact]
    public async Task SendAsync_SomeRecipientsFailed_SentWithFailedRecipients()
    {
        using var sut = CreateSut();
        var notFound = new GatewayError { Code = GatewayErrorCode.RecipientNotFound, ProviderCode = "70107", Message = "account not found" };
        sut.Provider.OnSend = (_, _) => Task.FromResult(new ProviderSendResult
        {
            Deliveries = [new MessageDelivery { Recipient = "alice", ProviderMessageKey = "k", SentAt = DateTimeOffset.UnixEpoch }],
            FailedRecipients = [new FailedRecipient { Recipient = "bob", Error = notFound }],
        });

        var outcome = await sut.Pipeline.SendAsync(Samples.ToUsers(Samples.Custom()), default);

        Assert.Equal("alice", Assert.Single(outcome.Sent!.Deliveries).Recipient);
        Assert.Equal(new FailedRecipient { Recipient = "bob", Error = notFound }, Assert.Single(outcome.Sent.FailedRecipients));
    }

    [Fact]
    public async Task SendAsync_EveryRecipientFailed_FailureWithTheSharedCodeAndTheIdCanBeRetried()
    {
        using var sut = CreateSut();
        static GatewayError NotFound(string who) => new() { Code = GatewayErrorCode.RecipientNotFound, ProviderCode = "70107", Message = $"{who} not found" };
        var nobody = new ProviderSendResult
        {
            Deliveries = [],
            FailedRecipients = [new FailedRecipient { Recipient = "alice", Error = NotFound("alice") }, new FailedRecipient { Recipient = "bob", Error = NotFound("bob") }],
        };
        sut.Provider.OnSend = (_, _) => Task.FromResult(nobody);
        var message = Samples.ToUsers(Samples.Custom());

        var outcome = await sut.Pipeline.SendAsync(message, default);
        await sut.Pipeline.SendAsync(message, default);

        Assert.Equal(GatewayErrorCode.RecipientNotFound, outcome.Failed!.Error.Code);
        Assert.Equal("70107", outcome.Failed.Error.ProviderCode);
        Assert.Equal("all 2 recipients failed: alice: alice not found; bob: bob not found", outcome.Failed.Error.Message);
        Assert.False(outcome.Failed.Error.Transient);
        Assert.Equal(2, sut.Provider.Sent.Count);
    }

    [Fact]
    public async Task SendAsync_ProviderThrowsUnexpectedly_UnknownErrorWithoutTheExceptionText()
    {
        using var sut = CreateSut();
        sut.Provider.ThrowOnSend(new InvalidOperationException("https://im.example/v4?usersig=SECRET"));

        var outcome = await sut.Pipeline.SendAsync(Samples.Text(), default);

        Assert.Equal(GatewayErrorCode.Unknown, outcome.Failed!.Error.Code);
        Assert.False(outcome.Failed.Error.Transient);
        Assert.Equal(1, outcome.Failed.Attempts);
        Assert.DoesNotContain("SECRET", outcome.Failed.Error.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", outcome.Failed.Error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(Assert.Single(sut.Logs.GetSnapshot(), r => r.Id.Name == "UnexpectedProviderError").Exception);
    }

    [Fact]
    public async Task SendAsync_TransportExceptionEscapesTheAdapter_ThrowsTransientProviderUnavailable()
    {
        using var sut = CreateSut();
        var refused = new HttpRequestException("connection refused");
        sut.Provider.ThrowOnSend(refused);

        var thrown = await Assert.ThrowsAsync<ProviderException>(() => sut.Pipeline.SendAsync(Samples.Text(), default));

        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true, "primary"), (thrown.ErrorCode, thrown.IsTransient, thrown.Provider));
        Assert.Same(refused, thrown.InnerException);
        Assert.DoesNotContain("connection refused", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_CallerCancels_ThrowsAndRecordsNothing()
    {
        using var sut = CreateSut();
        using var cancellation = new CancellationTokenSource();
        sut.Provider.OnSend = async (message, cancellationToken) =>
        {
            await cancellation.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            return FakeProvider.Delivered(message);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.Pipeline.SendAsync(Samples.Text("cancel-me"), cancellation.Token));
        sut.Provider.OnSend = static (message, _) => Task.FromResult(FakeProvider.Delivered(message));
        var again = await sut.Pipeline.SendAsync(Samples.Text("cancel-me"), default);

        Assert.False(again.Sent!.Duplicate);
    }

    [Fact]
    public async Task RevokeAsync_Supported_RevokedThenDuplicateOnRepeat()
    {
        using var sut = CreateSut();
        var request = Samples.Revoke("rv-1", "key-alice");

        var first = await sut.Pipeline.RevokeAsync(request, default);
        var second = await sut.Pipeline.RevokeAsync(request, default);

        Assert.Equal(("rv-1", "primary", "key-alice", false), (first.Revoked!.MessageId, first.Revoked.Provider, first.Revoked.ProviderMessageKey, first.Revoked.Duplicate));
        Assert.Equal(TestGateway.Start, first.Revoked.RevokedAt);
        Assert.True(second.Revoked!.Duplicate);
        var revoked = Assert.Single(sut.Provider.Revoked);
        Assert.Equal(["alice"], Assert.IsType<UserRecipients>(revoked.Conversation).UserIds);
    }

    [Fact]
    public async Task RevokeAsync_ProviderCannotRevoke_InvalidMessageWithoutCall()
    {
        using var sut = CreateSut();
        sut.Provider.Capabilities = FakeProvider.AllCapabilities with { Revoke = RecipientKinds.None };

        var outcome = await sut.Pipeline.RevokeAsync(Samples.Revoke("rv-2", "k"), default);

        Assert.Equal(GatewayErrorCode.InvalidMessage, outcome.Failed!.Error.Code);
        Assert.Equal("target.to: revoking messages is not supported by provider 'primary' (Fake)", outcome.Failed.Error.Message);
        Assert.Empty(sut.Provider.Revoked);
    }

    [Fact]
    public async Task RevokeAsync_ProviderRefuses_FailureWithProviderCode()
    {
        using var sut = CreateSut();
        sut.Provider.ThrowOnRevoke(new ProviderException("primary", GatewayErrorCode.InvalidMessage, "invalid MsgKey", providerErrorCode: "90054"));

        var outcome = await sut.Pipeline.RevokeAsync(Samples.Revoke("rv-3", "bad"), default);

        Assert.Equal(("90054", 1), (outcome.Failed!.Error.ProviderCode, outcome.Failed.Attempts));
    }

    [Fact]
    public async Task RevokeAsync_InvalidRequest_FailureNamesTheField()
    {
        using var sut = CreateSut();

        var outcome = await sut.Pipeline.RevokeAsync(Samples.Revoke("rv-4", providerMessageKey: ""), default);

        Assert.Equal("providerMessageKey", Assert.Single(outcome.Failed!.Error.Details!).Field);
    }

    private static TestGateway CreateSut(Action<GatewayOptions>? configure = null, IIdempotencyStore? store = null, params string[] instances) =>
        TestGateway.Create(configure, services =>
        {
            if (store is not null)
            {
                services.Replace(ServiceDescriptor.Singleton(store));
            }
        }, instances);
}
