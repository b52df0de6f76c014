using Gateway.Core.Providers;
using Gateway.OpenIm.Tests.Support;
using Gateway.Testing;
using Microsoft.Extensions.Logging;

namespace Gateway.OpenIm.Tests.Http;

/// <summary>The OpenIM client's request log: one event per HTTP attempt, the route as a path, never a header (not even in the structured state).</summary>
public sealed class OpenImHttpLoggerTests
{
    [Fact]
    public async Task SendAsync_EveryAttempt_IsLoggedWithItsPathAndStatus()
    {
        var stub = new OpenImStub().OnSend(() => OpenImStub.Error(1501, "TokenExpiredError"));
        await using var host = CreateSut(stub);

        await host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1"));

        var answered = host.Logs.GetSnapshot().Where(r => r.Id.Name == "OpenImHttpResponseReceived").ToList();
        Assert.Equal(
            ["/prefix/auth/get_admin_token", "/prefix/msg/send_msg", "/prefix/auth/get_admin_token", "/prefix/msg/send_msg"],
            answered.Select(r => r.GetStructuredStateValue("Path")));
        Assert.All(answered, r => Assert.Equal((LogLevel.Information, "openim", "200"), (r.Level, r.GetStructuredStateValue("Provider"), r.GetStructuredStateValue("StatusCode"))));
        Assert.All(answered, r => Assert.DoesNotContain("openim.test", r.Message, StringComparison.Ordinal));
        Assert.Equal(4, host.Logs.GetSnapshot().Count(r => r.Id.Name == "OpenImHttpRequestSending" && r.Level == LogLevel.Debug));
    }

    [Fact]
    public async Task SendAsync_TransportFailure_IsLoggedWithTheErrorKind()
    {
        var stub = new OpenImStub().OnSend((_, _) => throw OpenImStub.ConnectionRefused(), times: 3);
        await using var host = CreateSut(stub, o => o.Resilience.Retry.MaxRetryAttempts = 0);

        await Assert.ThrowsAsync<ProviderException>(() => host.Provider.SendAsync(Samples.Outbound(Samples.TextContent(), "u1")));

        var failed = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Name == "OpenImHttpRequestFailed");
        Assert.Equal(("/prefix/msg/send_msg", "ConnectionError"), (failed.GetStructuredStateValue("Path"), failed.GetStructuredStateValue("Error")));
        Assert.Null(failed.Exception);
    }

    [Fact]
    public async Task SendAsync_AtTraceLevel_NoLogRecordCarriesAHeaderValue()
    {
        var stub = new OpenImStub();
        await using var host = CreateSut(stub);
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

    private static OpenImTestHost CreateSut(OpenImStub stub, Action<OpenImOptions>? configure = null) =>
        OpenImTestHost.Create(stub.Handler, o =>
        {
            o.BaseUrl = new Uri("http://openim.test:10002/prefix");
            configure?.Invoke(o);
        });
}
