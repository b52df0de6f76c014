using Gateway.Core.Contracts;
using Gateway.Core.Idempotency;
using Gateway.Core.Providers;
using Gateway.Core.Tests.Fakes;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Core.Tests.Pipeline;

/// <summary>The library facade: what the pipeline throws as transient comes back as a failure outcome with <c>transient: true</c>.</summary>
public class MessageGatewayTests
{
    [Fact]
    public async Task SendAsync_TransientProviderFailure_ReturnsItAsATransientFailureAndTheIdCanBeRetried()
    {
        using var sut = CreateSut();
        sut.Provider.ThrowOnSend(
            new ProviderException("primary", GatewayErrorCode.ProviderUnavailable, "errCode 500: grpc service down", isTransient: true, status: 200, providerErrorCode: "500"),
            times: 1);

        var failed = await sut.Gateway.SendAsync(Samples.Text("retry-me"));
        var retried = await sut.Gateway.SendAsync(Samples.Text("retry-me"));

        Assert.Equal(
            new GatewayError { Code = GatewayErrorCode.ProviderUnavailable, ProviderCode = "500", Message = "errCode 500: grpc service down", Transient = true },
            failed.Failed!.Error);
        Assert.Equal(("primary", 1), (failed.Failed.Provider, failed.Failed.Attempts));
        Assert.True(retried.IsSuccess);
        Assert.False(retried.Sent.Duplicate);
    }

    [Fact]
    public async Task SendAsync_TransportExceptionEscapesTheAdapter_TransientProviderUnavailable()
    {
        using var sut = CreateSut();
        sut.Provider.ThrowOnSend(new HttpRequestException("connection refused"));

        var outcome = await sut.Gateway.SendAsync(Samples.Text());

        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true), (outcome.Failed!.Error.Code, outcome.Failed.Error.Transient));
    }

    [Fact]
    public async Task SendAsync_EveryRecipientFailedOneTransiently_ReturnsATransientFailure()
    {
        using var sut = CreateSut();
        sut.Provider.OnSend = (_, _) => Task.FromResult(new ProviderSendResult
        {
            Deliveries = [],
            FailedRecipients = [new FailedRecipient { Recipient = "alice", Error = new GatewayError { Code = GatewayErrorCode.RateLimited, Message = "slow down", Transient = true } }],
        });

        var outcome = await sut.Gateway.SendAsync(Samples.Text());

        Assert.Equal((GatewayErrorCode.RateLimited, true), (outcome.Failed!.Error.Code, outcome.Failed.Error.Transient));
        Assert.Equal("all 1 recipients failed: alice: slow down", outcome.Failed.Error.Message);
    }

    [Fact]
    public async Task SendAsync_ClaimBusy_ReturnsATransientFailureWithoutSending()
    {
        var store = StoreSubstitutes.Claims(IdempotencyClaimStatus.Busy);
        using var sut = CreateSut(store);

        var outcome = await sut.Gateway.SendAsync(Samples.Text("busy"));

        Assert.Equal(("busy", "primary", 1), (outcome.Failed!.MessageId, outcome.Failed.Provider, outcome.Failed.Attempts));
        Assert.Equal(
            new GatewayError { Code = GatewayErrorCode.Unknown, Message = "another gateway worker kept this message id claimed; nothing was sent by this worker", Transient = true },
            outcome.Failed.Error);
        Assert.Empty(sut.Provider.Sent);
    }

    [Fact]
    public async Task SendAsync_StoreUnavailable_ReturnsATransientFailureWithoutSending()
    {
        var store = StoreSubstitutes.ClaimThrows(new StoreUnavailableException("redis://secret@cache"));
        using var sut = CreateSut(store);

        var outcome = await sut.Gateway.SendAsync(Samples.Text());

        Assert.Equal(
            new GatewayError { Code = GatewayErrorCode.Unknown, Message = "the shared idempotency store could not be reached, so nothing was sent", Transient = true },
            outcome.Failed!.Error);
        Assert.Empty(sut.Provider.Sent);
    }

    [Fact]
    public async Task SendAsync_PermanentFailure_ReturnsThePipelineOutcome()
    {
        using var sut = CreateSut();
        sut.Provider.ThrowOnSend(new ProviderException("primary", GatewayErrorCode.Unauthorized, "token refused", providerErrorCode: "1501"));

        var outcome = await sut.Gateway.SendAsync(Samples.Text());

        Assert.Equal((GatewayErrorCode.Unauthorized, "1501", false), (outcome.Failed!.Error.Code, outcome.Failed.Error.ProviderCode, outcome.Failed.Error.Transient));
    }

    [Fact]
    public async Task SendAsync_TransientFailure_CountsOneFailedMessage()
    {
        using var sut = CreateSut();
        using var failed = sut.Collect<long>("messaging_gateway.messages.failed");
        sut.Provider.ThrowOnSend(new ProviderException("primary", GatewayErrorCode.RateLimited, "slow down", isTransient: true));

        await sut.Gateway.SendAsync(Samples.Text());

        var failure = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal(("primary", "RateLimited"), (failure.Tags["provider"], failure.Tags["code"]));
    }

    [Fact]
    public async Task SendAsync_CallerCancelledBeforeTheCall_ThrowsWithoutCallingTheProvider()
    {
        using var sut = CreateSut();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.Gateway.SendAsync(Samples.Text(), cancellation.Token));
        Assert.Empty(sut.Provider.Sent);
    }

    [Fact]
    public async Task RevokeAsync_TransientFailure_ReturnsATransientFailure()
    {
        using var sut = CreateSut();
        sut.Provider.ThrowOnRevoke(new ProviderException("primary", GatewayErrorCode.ProviderUnavailable, "down", isTransient: true));

        var outcome = await sut.Gateway.RevokeAsync(Samples.Revoke("rv-t"));

        Assert.Equal(("rv-t", "primary", 1), (outcome.Failed!.MessageId, outcome.Failed.Provider, outcome.Failed.Attempts));
        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true), (outcome.Failed.Error.Code, outcome.Failed.Error.Transient));
    }

    [Fact]
    public async Task RevokeAsync_Supported_Revoked()
    {
        using var sut = CreateSut();

        var outcome = await sut.Gateway.RevokeAsync(Samples.Revoke("rv-ok"));

        Assert.Equal(("rv-ok", "key-alice"), (outcome.Revoked!.MessageId, outcome.Revoked.ProviderMessageKey));
    }

    private static TestGateway CreateSut(IIdempotencyStore? store = null) =>
        TestGateway.Create(services: services =>
        {
            if (store is not null)
            {
                services.Replace(ServiceDescriptor.Singleton(store));
            }
        });
}
