using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Host.Tests.Support;
using Gateway.Testing;
using MassTransit;

namespace Gateway.Host.Tests.Messaging;

/// <summary>
/// The one consumer shape on the test harness, for both commands: a transient failure is thrown and retried
/// in-process, a permanent one is answered once, and when the redelivery budget is spent the failure event goes out
/// once and the command faults.
/// </summary>
public sealed class GatewayCommandConsumerTests
{
    [Fact]
    public async Task Consume_TransientThenSuccess_RetriedInProcessAndOnlyMessageSent()
    {
        await using var harness = await CommandHarness.StartAsync();
        using var retries = harness.Collect("messaging_gateway.retries");
        harness.Providers.Default.ThrowOnSend(ScriptedProviders.Transient(), times: 1);

        await harness.SendAsync(Samples.Text("flaky-1"));
        var sent = await harness.PublishedAsync<MessageSent>(e => e.MessageId == "flaky-1");

        Assert.Equal((ScriptedProviders.Name, "key-alice"), (sent.Provider, sent.Deliveries[0].ProviderMessageKey));
        Assert.Equal(2, harness.Providers.Default.Sent.Count);
        Assert.Empty(harness.PublishedSoFar<MessageSendFailed>());
        Assert.Empty(harness.PublishedSoFar<Fault<SendMessage>>());
        // The retry ran in-process and is counted as a bus retry; nothing was redelivered.
        var retry = Assert.Single(retries.GetMeasurementSnapshot());
        Assert.Equal((ScriptedProviders.Name, "bus_ProviderUnavailable"), ((string?)retry.Tags["provider"], (string?)retry.Tags["reason"]));
        Assert.DoesNotContain(harness.Logs.GetSnapshot(), l => l.Id.Name == "Redelivering");
    }

    [Fact]
    public async Task Consume_PermanentProviderError_OneFailureWithoutRetry()
    {
        await using var harness = await CommandHarness.StartAsync();
        harness.Providers.Default.ThrowOnSend(ScriptedProviders.NotFound());

        await harness.SendAsync(Samples.Text("nobody-1") with { To = ["ghost"] });
        var failed = await harness.PublishedAsync<MessageSendFailed>(e => e.MessageId == "nobody-1");

        Assert.Equal((GatewayErrorCode.RecipientNotFound, "1004", false, 1), (failed.Error.Code, failed.Error.ProviderCode, failed.Error.Transient, failed.Attempts));
        Assert.Single(harness.Providers.Default.Sent);
        Assert.Single(harness.PublishedSoFar<MessageSendFailed>());
        Assert.Empty(harness.PublishedSoFar<Fault<SendMessage>>());
    }

    [Fact]
    public async Task Consume_AlwaysTransientAndNoBudget_OneTransientFailureAfterTheRetriesAndTheCommandFaults()
    {
        await using var harness = await CommandHarness.StartAsync(new Dictionary<string, string?> { ["Messaging:Redelivery:Budget"] = "00:00:00" });
        harness.Providers.Default.ThrowOnSend(ScriptedProviders.Transient());

        await harness.SendAsync(Samples.Text("down-1"));
        var fault = await harness.PublishedAsync<Fault<SendMessage>>();

        Assert.Equal("down-1", fault.Message.MessageId);
        var failed = Assert.Single(harness.PublishedSoFar<MessageSendFailed>());
        Assert.Equal(("down-1", ScriptedProviders.Name), (failed.MessageId, failed.Provider));
        Assert.Equal((GatewayErrorCode.ProviderUnavailable, "500", true), (failed.Error.Code, failed.Error.ProviderCode, failed.Error.Transient));
        Assert.Equal(1 + 2, failed.Attempts);
        Assert.Equal(3, harness.Providers.Default.Sent.Count);
    }

    [Fact]
    public async Task Consume_RevokeTransientThenSuccess_RetriedInProcessAndOnlyMessageRevoked()
    {
        await using var harness = await CommandHarness.StartAsync();
        harness.Providers.Default.ThrowOnRevoke(ScriptedProviders.Transient(), times: 1);

        await harness.SendAsync(Samples.Revoke("rv-flaky-1"));
        var revoked = await harness.PublishedAsync<MessageRevoked>(e => e.MessageId == "rv-flaky-1");

        Assert.Equal((ScriptedProviders.Name, "key-alice"), (revoked.Provider, revoked.ProviderMessageKey));
        Assert.Equal(2, harness.Providers.Default.Revoked.Count);
        Assert.Empty(harness.PublishedSoFar<MessageRevokeFailed>());
        Assert.Empty(harness.PublishedSoFar<Fault<RevokeMessage>>());
    }

    [Fact]
    public async Task Consume_RevokePermanentProviderError_OneFailureWithoutRetry()
    {
        await using var harness = await CommandHarness.StartAsync();
        harness.Providers.Default.ThrowOnRevoke(new ProviderException(ScriptedProviders.Name, GatewayErrorCode.InvalidMessage, "message not found or too old", providerErrorCode: "20022"));

        await harness.SendAsync(Samples.Revoke("rv-old-1"));
        var failed = await harness.PublishedAsync<MessageRevokeFailed>(e => e.MessageId == "rv-old-1");

        Assert.Equal((GatewayErrorCode.InvalidMessage, "20022", false, 1), (failed.Error.Code, failed.Error.ProviderCode, failed.Error.Transient, failed.Attempts));
        Assert.Single(harness.Providers.Default.Revoked);
        Assert.Empty(harness.PublishedSoFar<Fault<RevokeMessage>>());
    }

    [Fact]
    public async Task Consume_RevokeAlwaysTransientAndNoBudget_OneTransientFailureAfterTheRetriesAndTheCommandFaults()
    {
        await using var harness = await CommandHarness.StartAsync(new Dictionary<string, string?> { ["Messaging:Redelivery:Budget"] = "00:00:00" });
        harness.Providers.Default.ThrowOnRevoke(ScriptedProviders.Transient());

        await harness.SendAsync(Samples.Revoke("rv-down-1"));
        var fault = await harness.PublishedAsync<Fault<RevokeMessage>>();

        Assert.Equal("rv-down-1", fault.Message.MessageId);
        var failed = Assert.Single(harness.PublishedSoFar<MessageRevokeFailed>());
        Assert.Equal((GatewayErrorCode.ProviderUnavailable, true, 1 + 2), (failed.Error.Code, failed.Error.Transient, failed.Attempts));
        Assert.Equal(3, harness.Providers.Default.Revoked.Count);
    }

    [Fact]
    public async Task Consume_InvalidCommand_AnsweredWithoutAttemptAndNothingSent()
    {
        await using var harness = await CommandHarness.StartAsync();

        await harness.SendAsync(Samples.Text("bad-1") with { To = ["a", "a"] });
        await harness.SendAsync(Samples.Revoke("rv-bad-1", providerMessageKey: ""));
        var failed = await harness.PublishedAsync<MessageSendFailed>(e => e.MessageId == "bad-1");
        var revokeFailed = await harness.PublishedAsync<MessageRevokeFailed>(e => e.MessageId == "rv-bad-1");

        Assert.Equal((GatewayErrorCode.InvalidMessage, 0, "to"), (failed.Error.Code, failed.Attempts, Assert.Single(failed.Error.Details!).Field));
        Assert.Equal((GatewayErrorCode.InvalidMessage, 0, "providerMessageKey"), (revokeFailed.Error.Code, revokeFailed.Attempts, Assert.Single(revokeFailed.Error.Details!).Field));
        Assert.Empty(harness.Providers.Default.Sent);
        Assert.Empty(harness.Providers.Default.Revoked);
    }
}
