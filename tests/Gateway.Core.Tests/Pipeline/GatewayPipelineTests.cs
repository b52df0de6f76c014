using Gateway.Core.Contracts;
using Gateway.Core.Idempotency;
using Gateway.Core.Messages;
using Gateway.Core.Providers;
using Gateway.Core.Tests.Fakes;
using Gateway.Core.Validation;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

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
    public async Task SendAsync_ProviderRuleBroken_InvalidMessageWithTheRuleAndNoCall()
    {
        using var sut = CreateSut();
        sut.Provider.Capabilities = FakeProvider.AllCapabilities with
        {
            MessageRules = static (_, errors) => errors.Add(new GatewayErrorDetail { Field = "content.text.text", Rule = "Fake.BodyTooLarge", Message = "must fit 12 KB" }),
        };

        var outcome = await sut.Pipeline.SendAsync(Samples.Text(), default);

        Assert.Equal((GatewayErrorCode.InvalidMessage, 0, "primary"), (outcome.Failed!.Error.Code, outcome.Failed.Attempts, outcome.Failed.Provider));
        var detail = Assert.Single(outcome.Failed.Error.Details!);
        Assert.Equal(("content.text.text", "Fake.BodyTooLarge"), (detail.Field, detail.Rule));
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
    public async Task SendAsync_TransientProviderException_ThrowsAndReleasesTheClaim()
    {
        using var sut = CreateSut();
        var transient = new ProviderException("primary", GatewayErrorCode.ProviderUnavailable, "errCode 500: grpc service down", isTransient: true, status: 200, providerErrorCode: "500");
        sut.Provider.ThrowOnSend(transient, times: 1);

        var thrown = await Assert.ThrowsAsync<ProviderException>(() => sut.Pipeline.SendAsync(Samples.Text("retry-me"), default));
        var retried = await sut.Pipeline.SendAsync(Samples.Text("retry-me"), default);

        Assert.Same(transient, thrown);
        Assert.True(retried.IsSuccess);
        Assert.False(retried.Sent.Duplicate);
        Assert.Equal(2, sut.Provider.Sent.Count);
    }

    [Fact]
    public async Task SendAsync_ProviderThrowsStoreUnavailable_ThrowsAndReleasesTheClaim()
    {
        // An adapter's shared rate-limit store (IRateLimitStore) is one of the stores StoreUnavailableException speaks for.
        using var sut = CreateSut();
        var unavailable = new StoreUnavailableException("the rate-limit store could not be reached");
        sut.Provider.ThrowOnSend(unavailable, times: 1);

        var thrown = await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.Pipeline.SendAsync(Samples.Text("store-down"), default));
        var retried = await sut.Pipeline.SendAsync(Samples.Text("store-down"), default);

        Assert.Same(unavailable, thrown);
        Assert.True(retried.IsSuccess);
        Assert.Equal(2, sut.Provider.Sent.Count);
    }

    [Fact]
    public async Task SendAsync_ProviderThrowsMessageInProgress_ThrowsAndReleasesTheClaim()
    {
        using var sut = CreateSut();
        var inProgress = new MessageInProgressException("claimed elsewhere");
        sut.Provider.ThrowOnSend(inProgress, times: 1);

        var thrown = await Assert.ThrowsAsync<MessageInProgressException>(() => sut.Pipeline.SendAsync(Samples.Text("in-progress"), default));
        var retried = await sut.Pipeline.SendAsync(Samples.Text("in-progress"), default);

        Assert.Same(inProgress, thrown);
        Assert.True(retried.IsSuccess);
        Assert.Equal(2, sut.Provider.Sent.Count);
    }

    [Fact]
    public async Task SendAsync_PermanentProviderException_ReturnedAndTheIdCanBeRetried()
    {
        using var sut = CreateSut();
        sut.Provider.ThrowOnSend(new ProviderException("primary", GatewayErrorCode.Forbidden, "app not enabled", providerErrorCode: "1002"), times: 1);

        var failed = await sut.Pipeline.SendAsync(Samples.Text("forbidden"), default);
        var retried = await sut.Pipeline.SendAsync(Samples.Text("forbidden"), default);

        Assert.Equal(
            new GatewayError { Code = GatewayErrorCode.Forbidden, ProviderCode = "1002", Message = "app not enabled", Transient = false },
            failed.Failed!.Error);
        Assert.Equal(("primary", 1), (failed.Failed.Provider, failed.Failed.Attempts));
        Assert.False(retried.Sent!.Duplicate);
    }

    [Fact]
    public async Task SendAsync_ClaimBusy_ThrowsMessageInProgressWithoutCallingTheProvider()
    {
        var store = StoreSubstitutes.Claims(IdempotencyClaimStatus.Busy, IdempotencyClaimStatus.Acquired);
        using var sut = CreateSut(store: store);

        await Assert.ThrowsAsync<MessageInProgressException>(() => sut.Pipeline.SendAsync(Samples.Text("busy-1"), default));
        Assert.Empty(sut.Provider.Sent);
        await store.DidNotReceiveWithAnyArgs().ReleaseAsync(default, default);

        var later = await sut.Pipeline.SendAsync(Samples.Text("busy-1"), default);

        Assert.True(later.IsSuccess);
        Assert.Single(sut.Provider.Sent);
        await store.Received(1).CompleteAsync(
            new IdempotencyClaim("send:busy-1", IdempotencyClaimStatus.Acquired, Token: "t-2"),
            Arg.Is<string>(json => json.Contains("\"messageId\":\"busy-1\"", StringComparison.Ordinal)),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task SendAsync_StoreUnavailableOnClaim_ThrowsWithoutCallingTheProvider()
    {
        var store = StoreSubstitutes.ClaimThrows(new StoreUnavailableException("redis down"));
        using var sut = CreateSut(store: store);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => sut.Pipeline.SendAsync(Samples.Text(), default));

        Assert.Empty(sut.Provider.Sent);
    }

    [Fact]
    public async Task SendAsync_CompleteFailsAfterTheProviderAccepted_StillReturnsMessageSentAndLogsIt()
    {
        var store = StoreSubstitutes.CompleteThrows(new StoreUnavailableException("redis down"));
        using var sut = CreateSut(store: store);
        using var sentCounter = sut.Collect<long>("messaging_gateway.messages.sent");

        var outcome = await sut.Pipeline.SendAsync(Samples.Text("accepted"), default);

        Assert.True(outcome.IsSuccess);
        Assert.Equal("alice", Assert.Single(outcome.Sent.Deliveries).Recipient);
        Assert.Single(sentCounter.GetMeasurementSnapshot());
        var logged = Assert.Single(sut.Logs.GetSnapshot(), r => r.Id.Name == "OutcomeNotRecorded");
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.IsType<StoreUnavailableException>(logged.Exception);
    }

    [Fact]
    public async Task SendAsync_ReleaseFailsAfterATransientFailure_ThrowsTheProviderFailureAndLogsIt()
    {
        var store = StoreSubstitutes.ReleaseThrows(new StoreUnavailableException("redis down"));
        using var sut = CreateSut(store: store);
        var transient = new ProviderException("primary", GatewayErrorCode.RateLimited, "slow down", isTransient: true);
        sut.Provider.ThrowOnSend(transient);

        var thrown = await Assert.ThrowsAsync<ProviderException>(() => sut.Pipeline.SendAsync(Samples.Text("release-fails"), default));

        Assert.Same(transient, thrown);
        Assert.Single(sut.Logs.GetSnapshot(), r => r.Id.Name == "ClaimNotReleased");
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
    public async Task SendAsync_EveryRecipientFailedOneTransiently_ThrowsTransientAndReleasesTheClaim()
    {
        using var sut = CreateSut();
        var result = new ProviderSendResult
        {
            Deliveries = [],
            FailedRecipients =
            [
                new FailedRecipient { Recipient = "alice", Error = new GatewayError { Code = GatewayErrorCode.RateLimited, ProviderCode = "20004", Message = "slow down", Transient = true } },
                new FailedRecipient { Recipient = "bob", Error = new GatewayError { Code = GatewayErrorCode.RecipientNotFound, ProviderCode = "70107", Message = "bob not found" } },
            ],
        };
        sut.Provider.OnSend = (_, _) => Task.FromResult(result);
        var message = Samples.ToUsers(Samples.Custom());

        var thrown = await Assert.ThrowsAsync<ProviderException>(() => sut.Pipeline.SendAsync(message, default));
        sut.Provider.OnSend = static (m, _) => Task.FromResult(FakeProvider.Delivered(m));
        var retried = await sut.Pipeline.SendAsync(message, default);

        Assert.True(thrown.IsTransient);
        Assert.Equal(("primary", GatewayErrorCode.Unknown, null), (thrown.Provider, thrown.ErrorCode, thrown.ProviderErrorCode));
        Assert.Equal("all 2 recipients failed: alice: slow down; bob: bob not found", thrown.Message);
        Assert.False(retried.Sent!.Duplicate);
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

    [Theory]
    [InlineData("timeout")]
    [InlineData("circuit")]
    public async Task SendAsync_ResilienceRejectionEscapesTheAdapter_ThrowsTransient(string kind)
    {
        // The shared HTTP skeleton (ProviderPipeline) throws these when an attempt times out or the breaker is open.
        using var sut = CreateSut();
        Exception rejection = kind == "timeout" ? new Polly.Timeout.TimeoutRejectedException() : new Polly.CircuitBreaker.BrokenCircuitException();
        sut.Provider.ThrowOnSend(rejection);

        var thrown = await Assert.ThrowsAsync<ProviderException>(() => sut.Pipeline.SendAsync(Samples.Text(), default));

        Assert.True(thrown.IsTransient, thrown.Message);
    }

    [Fact]
    public async Task SendAsync_CallerCancelledBeforeTheCall_ThrowsCallsNoProviderAndRecordsNothing()
    {
        using var sut = CreateSut();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.Pipeline.SendAsync(Samples.Text("cancel-me"), cancellation.Token));
        var sentWhileCancelled = sut.Provider.Sent.Count;
        var again = await sut.Pipeline.SendAsync(Samples.Text("cancel-me"), default);

        Assert.Equal(0, sentWhileCancelled);
        Assert.False(again.Sent!.Duplicate);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsDuringTheProviderCall_CompletesTheSendAndRecordsIt()
    {
        // The provider may already have the message: abandoning the call would release the claim and send it again.
        using var sut = CreateSut();
        using var cancellation = new CancellationTokenSource();
        var providerTokenCancellable = true;
        sut.Provider.OnSend = async (message, cancellationToken) =>
        {
            await cancellation.CancelAsync();
            providerTokenCancellable = cancellationToken.CanBeCanceled;
            await Task.Yield();
            return FakeProvider.Delivered(message);
        };

        var outcome = await sut.Pipeline.SendAsync(Samples.Text("cancel-me"), cancellation.Token);
        var again = await sut.Pipeline.SendAsync(Samples.Text("cancel-me"), default);

        Assert.False(providerTokenCancellable);
        Assert.True(outcome.IsSuccess);
        Assert.False(outcome.Sent.Duplicate);
        Assert.True(again.Sent!.Duplicate);
        Assert.Single(sut.Provider.Sent);
    }

    [Fact]
    public async Task RevokeAsync_CallerCancelsDuringTheProviderCall_CompletesTheRevokeAndRecordsIt()
    {
        using var sut = CreateSut();
        using var cancellation = new CancellationTokenSource();
        sut.Provider.OnRevoke = async (_, cancellationToken) =>
        {
            await cancellation.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        };

        var outcome = await sut.Pipeline.RevokeAsync(Samples.Revoke("rv-cancel-during"), cancellation.Token);
        var again = await sut.Pipeline.RevokeAsync(Samples.Revoke("rv-cancel-during"), default);

        Assert.False(outcome.Revoked!.Duplicate);
        Assert.True(again.Revoked!.Duplicate);
        Assert.Single(sut.Provider.Revoked);
    }

    [Fact]
    public async Task RevokeAsync_CallerCancelledBeforeTheCall_ThrowsCallsNoProviderAndRecordsNothing()
    {
        using var sut = CreateSut();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.Pipeline.RevokeAsync(Samples.Revoke("rv-cancel"), cancellation.Token));
        var revokedWhileCancelled = sut.Provider.Revoked.Count;
        var again = await sut.Pipeline.RevokeAsync(Samples.Revoke("rv-cancel"), default);

        Assert.Equal(0, revokedWhileCancelled);
        Assert.False(again.Revoked!.Duplicate);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsAndTheAdapterThrowsHttpRequestException_IsNotAPermanentFailure()
    {
        // Shutdown: the token is cancelled and the adapter's socket fails with a transport error instead of an OCE.
        using var sut = CreateSut();
        using var cancellation = new CancellationTokenSource();
        sut.Provider.OnSend = async (_, _) =>
        {
            await cancellation.CancelAsync();
            throw new HttpRequestException("the connection was aborted");
        };

        var thrown = await Record.ExceptionAsync(() => sut.Pipeline.SendAsync(Samples.Text("shutdown"), cancellation.Token));

        Assert.True(
            thrown is OperationCanceledException or ProviderException { IsTransient: true },
            $"expected cancellation or a transient failure, got {thrown?.GetType().Name ?? "a returned outcome"}");
    }

    [Fact]
    public async Task SendAsync_Sent_CountsTheOutcomeTheCallAndTheDuplicateOnce()
    {
        using var sut = CreateSut();
        using var sent = sut.Collect<long>("messaging_gateway.messages.sent");
        using var failed = sut.Collect<long>("messaging_gateway.messages.failed");
        using var calls = sut.Collect<long>("messaging_gateway.provider.calls");
        using var duplicates = sut.Collect<long>("messaging_gateway.messages.duplicate");

        await sut.Pipeline.SendAsync(Samples.Text("counted"), default);
        await sut.Pipeline.SendAsync(Samples.Text("counted"), default);

        var sentOnce = Assert.Single(sent.GetMeasurementSnapshot());
        Assert.Equal((1L, "primary"), (sentOnce.Value, sentOnce.Tags["provider"]));
        var call = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.Equal(("primary", "sent"), (call.Tags["provider"], call.Tags["outcome"]));
        Assert.Equal("primary", Assert.Single(duplicates.GetMeasurementSnapshot()).Tags["provider"]);
        Assert.Empty(failed.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task SendAsync_PermanentFailure_CountsOneFailedMessageByCode()
    {
        using var sut = CreateSut();
        using var sent = sut.Collect<long>("messaging_gateway.messages.sent");
        using var failed = sut.Collect<long>("messaging_gateway.messages.failed");
        using var calls = sut.Collect<long>("messaging_gateway.provider.calls");
        sut.Provider.ThrowOnSend(new ProviderException("primary", GatewayErrorCode.RecipientNotFound, "no such user"));

        await sut.Pipeline.SendAsync(Samples.Text(), default);

        var failure = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal(("primary", "RecipientNotFound"), (failure.Tags["provider"], failure.Tags["code"]));
        Assert.Equal("failed", Assert.Single(calls.GetMeasurementSnapshot()).Tags["outcome"]);
        Assert.Empty(sent.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task SendAsync_TransientFailure_CountsTheAttemptButNoFinalOutcome()
    {
        using var sut = CreateSut();
        using var sent = sut.Collect<long>("messaging_gateway.messages.sent");
        using var failed = sut.Collect<long>("messaging_gateway.messages.failed");
        using var calls = sut.Collect<long>("messaging_gateway.provider.calls");
        sut.Provider.ThrowOnSend(new ProviderException("primary", GatewayErrorCode.ProviderUnavailable, "down", isTransient: true));

        await Assert.ThrowsAsync<ProviderException>(() => sut.Pipeline.SendAsync(Samples.Text(), default));

        Assert.Equal("transient", Assert.Single(calls.GetMeasurementSnapshot()).Tags["outcome"]);
        Assert.Empty(sent.GetMeasurementSnapshot());
        Assert.Empty(failed.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task SendAsync_InvalidMessage_CountsAFailureWithoutAProviderCall()
    {
        using var sut = CreateSut();
        using var failed = sut.Collect<long>("messaging_gateway.messages.failed");
        using var calls = sut.Collect<long>("messaging_gateway.provider.calls");

        await sut.Pipeline.SendAsync(Samples.Text() with { To = [] }, default);

        var failure = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal(("none", "InvalidMessage"), (failure.Tags["provider"], failure.Tags["code"]));
        Assert.Empty(calls.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task SendAsync_ProviderTakesTime_RecordsTheAttemptDuration()
    {
        using var sut = CreateSut();
        using var duration = sut.Collect<double>("messaging_gateway.send.duration");
        sut.Provider.OnSend = (message, _) =>
        {
            sut.Time.Advance(TimeSpan.FromMilliseconds(250));
            return Task.FromResult(FakeProvider.Delivered(message));
        };

        await sut.Pipeline.SendAsync(Samples.Text(), default);

        var measurement = Assert.Single(duration.GetMeasurementSnapshot());
        Assert.Equal((0.25, "sent"), (measurement.Value, measurement.Tags["outcome"]));
    }

    [Fact]
    public async Task SendAsync_NoProviderNamed_LogScopeNamesTheDefaultInstance()
    {
        using var sut = CreateSut(o => o.DefaultProvider = "tencent", instances: ["openim", "tencent"]);

        await sut.Pipeline.SendAsync(Samples.Text("scoped-1"), default);

        var sent = Assert.Single(sut.Logs.GetSnapshot(), r => r.Id.Name == "MessageSent");
        var scope = Assert.Single(sent.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>());
        Assert.Contains(new KeyValuePair<string, object?>("Provider", "tencent"), scope);
        Assert.Contains(new KeyValuePair<string, object?>("MessageId", "scoped-1"), scope);
    }

    [Fact]
    public async Task SendAsync_ProviderNamedInOtherCase_LogScopeNamesTheConfiguredInstance()
    {
        using var sut = CreateSut(instances: ["openim", "tencent"]);

        await sut.Pipeline.SendAsync(Samples.Text("scoped-2") with { Provider = "TENCENT" }, default);

        var sent = Assert.Single(sut.Logs.GetSnapshot(), r => r.Id.Name == "MessageSent");
        var scope = Assert.Single(sent.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>());
        Assert.Contains(new KeyValuePair<string, object?>("Provider", "tencent"), scope);
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
    public async Task RevokeAsync_TransientFailure_ThrowsAndReleasesTheClaim()
    {
        using var sut = CreateSut();
        var transient = new ProviderException("primary", GatewayErrorCode.ProviderUnavailable, "down", isTransient: true);
        sut.Provider.ThrowOnRevoke(transient, times: 1);

        var thrown = await Assert.ThrowsAsync<ProviderException>(() => sut.Pipeline.RevokeAsync(Samples.Revoke("rv-5"), default));
        var retried = await sut.Pipeline.RevokeAsync(Samples.Revoke("rv-5"), default);

        Assert.Same(transient, thrown);
        Assert.False(retried.Revoked!.Duplicate);
        Assert.Equal(2, sut.Provider.Revoked.Count);
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
