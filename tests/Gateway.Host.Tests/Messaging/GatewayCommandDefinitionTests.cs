using System.Globalization;
using Gateway.Core.Contracts;
using Gateway.Core.Idempotency;
using Gateway.Host.Messaging;
using Gateway.Host.Tests.Support;
using Gateway.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Host.Tests.Messaging;

/// <summary>
/// The endpoint's failure handling on the test harness: in-process retries inside, redelivery (one-second steps here)
/// outside, attempts counted across both, and the two kinds of failure that skip the in-process retries.
/// </summary>
public sealed class GatewayCommandDefinitionTests
{
    [Fact]
    public async Task Consume_TransientUntilTheRetriesAreSpent_RedeliveredWithItsAttemptsAndThenSent()
    {
        await using var harness = await CommandHarness.StartAsync();
        var recorder = new DeliveryRecorder();
        harness.Harness.Bus.ConnectConsumeObserver(recorder);
        harness.Providers.Default.ThrowOnSend(ScriptedProviders.Transient(), times: 3);

        await harness.SendAsync(Samples.Text("redeliver-1"));
        var sent = await harness.PublishedAsync<MessageSent>(e => e.MessageId == "redeliver-1");

        Assert.Equal(ScriptedProviders.Name, sent.Provider);
        Assert.Equal(4, harness.Providers.Default.Sent.Count);
        Assert.Empty(harness.PublishedSoFar<MessageSendFailed>());
        Assert.Empty(harness.PublishedSoFar<Fault<SendMessage>>());
        var redelivered = Assert.Single(recorder.Deliveries, d => d.Attempts is not null);
        Assert.Equal(3, redelivered.Attempts);
        Assert.True(DateTimeOffset.TryParse(redelivered.FirstFailure, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _), redelivered.FirstFailure);
        Assert.Contains(harness.Logs.GetSnapshot(), l => l.Id.Name == "Redelivering" && l.Message.Contains("redeliver-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Consume_RevokeTransientUntilTheRetriesAreSpent_RedeliveredAndThenRevoked()
    {
        await using var harness = await CommandHarness.StartAsync();
        var recorder = new DeliveryRecorder();
        harness.Harness.Bus.ConnectConsumeObserver(recorder);
        using var retries = harness.Collect("messaging_gateway.retries");
        harness.Providers.Default.ThrowOnRevoke(ScriptedProviders.Transient(), times: 3);

        await harness.SendAsync(Samples.Revoke("rv-redeliver-1"));
        await harness.PublishedAsync<MessageRevoked>(e => e.MessageId == "rv-redeliver-1");

        Assert.Equal(4, harness.Providers.Default.Revoked.Count);
        Assert.Equal(3, Assert.Single(recorder.Deliveries, d => d.Command == typeof(RevokeMessage) && d.Attempts is not null).Attempts);
        Assert.Equal(["bus_ProviderUnavailable", "bus_ProviderUnavailable", "bus_redelivery"], retries.GetMeasurementSnapshot().Select(m => (string)m.Tags["reason"]!).Order().ToArray());
        Assert.Empty(harness.PublishedSoFar<Fault<RevokeMessage>>());
    }

    [Fact]
    public async Task Consume_TransientUntilTheBudgetIsSpent_AttemptsCountedAcrossRedeliveries()
    {
        await using var harness = await CommandHarness.StartAsync(new Dictionary<string, string?> { ["Messaging:Redelivery:Budget"] = "00:00:01.500" });
        harness.Providers.Default.ThrowOnSend(ScriptedProviders.Transient());

        await harness.SendAsync(Samples.Text("budget-1"));
        var fault = await harness.PublishedAsync<Fault<SendMessage>>();

        Assert.Equal("budget-1", fault.Message.MessageId);
        var failed = Assert.Single(harness.PublishedSoFar<MessageSendFailed>());
        // Two deliveries of three attempts each (the first try and Retry:Limit = 2).
        Assert.Equal((true, 6), (failed.Error.Transient, failed.Attempts));
        Assert.Equal(6, harness.Providers.Default.Sent.Count);
        Assert.Contains(harness.Logs.GetSnapshot(), l => l.Id.Name == "RedeliveryBudgetSpent");
    }

    [Fact]
    public async Task Consume_RetryAfterLongerThanMaxInterval_NoInProcessRetryButRedelivered()
    {
        await using var harness = await CommandHarness.StartAsync();
        var recorder = new DeliveryRecorder();
        harness.Harness.Bus.ConnectConsumeObserver(recorder);
        harness.Providers.Default.ThrowOnSend(ScriptedProviders.Transient(retryAfter: TimeSpan.FromMilliseconds(800)), times: 1);

        await harness.SendAsync(Samples.Text("slow-down-1"));
        await harness.PublishedAsync<MessageSent>(e => e.MessageId == "slow-down-1");

        // One attempt, then the redelivery (MaxInterval is 50 ms): the wait was not spent holding the consumer.
        Assert.Equal(2, harness.Providers.Default.Sent.Count);
        Assert.Equal(1, Assert.Single(recorder.Deliveries, d => d.Attempts is not null).Attempts);
    }

    [Fact]
    public async Task Consume_ClaimedByAnotherWorker_StraightToRedeliveryAndSentOnceReleased()
    {
        // A shared store (Redis) answers Busy while another worker holds the id; the in-memory one waits instead.
        var store = Substitute.For<IIdempotencyStore>();
        store.ClaimAsync("send:claimed-1", Arg.Any<CancellationToken>()).Returns(
            new IdempotencyClaim("send:claimed-1", IdempotencyClaimStatus.Busy),
            new IdempotencyClaim("send:claimed-1", IdempotencyClaimStatus.Acquired, Token: "t"));
        await using var harness = await CommandHarness.StartAsync(registerFirst: services => services.AddSingleton(store));
        var recorder = new DeliveryRecorder();
        harness.Harness.Bus.ConnectConsumeObserver(recorder);

        await harness.SendAsync(Samples.Text("claimed-1"));
        await harness.PublishedAsync<MessageSent>(e => e.MessageId == "claimed-1");

        // MessageInProgressException is not retried in-process: the first delivery made one attempt, then waited in redelivery.
        Assert.Equal(1, Assert.Single(recorder.Deliveries, d => d.Attempts is not null).Attempts);
        await store.Received(2).ClaimAsync("send:claimed-1", Arg.Any<CancellationToken>());
        Assert.Single(harness.Providers.Default.Sent);
        Assert.Empty(harness.PublishedSoFar<MessageSendFailed>());
        Assert.Empty(harness.PublishedSoFar<Fault<SendMessage>>());
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void RetryInProcess_TransientFailure_OnlyWhenTheProviderAsksForNoLongerWaitThanMaxInterval(int? retryAfterMs, bool expected)
    {
        var exception = ScriptedProviders.Transient(retryAfter: retryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null);

        Assert.Equal(expected, GatewayCommandDefinition<SendMessage>.RetryInProcess(exception, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void RetryInProcess_OtherFailures_NotRetried()
    {
        Assert.False(GatewayCommandDefinition<SendMessage>.RetryInProcess(new MessageInProgressException(), TimeSpan.FromSeconds(1)));
        Assert.False(GatewayCommandDefinition<SendMessage>.RetryInProcess(ScriptedProviders.NotFound(), TimeSpan.FromSeconds(1)));
        Assert.False(GatewayCommandDefinition<SendMessage>.RetryInProcess(new InvalidOperationException(), TimeSpan.FromSeconds(1)));
        Assert.True(GatewayCommandDefinition<SendMessage>.RetryInProcess(new StoreUnavailableException("redis down"), TimeSpan.FromSeconds(1)));
    }
}
