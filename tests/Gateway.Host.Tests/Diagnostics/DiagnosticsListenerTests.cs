using System.Net;
using System.Text.Json;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Host.Diagnostics;
using Gateway.Host.Tests.Messaging;
using Gateway.Host.Tests.Support;
using Gateway.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Host.Tests.Diagnostics;

[Collection(BrokerCollection.Name)]
public class DiagnosticsListenerTests(RabbitMqBroker broker)
{
    [Fact]
    public async Task Listener_PortConfigured_ServesHealthAndPrometheusMetrics()
    {
        var provider = new ScriptedProviderFactory();
        provider.Script.Enqueue((_, _) => throw new ProviderException("scripted", GatewayErrorCode.RecipientNotFound, "no such user", providerErrorCode: "1004"));
        provider.Script.Enqueue((_, _) => throw ScriptedProviderFactory.Transient("scripted"));
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("diag"), provider, new Dictionary<string, string?>
        {
            ["Diagnostics:Port"] = "0",
            ["Diagnostics:BindAddress"] = "127.0.0.1",
        });
        await worker.SendCommandAsync(SendMessageConsumerTests.Command("diag-missing", "ghost"));
        await worker.Outcomes.WaitForAsync<MessageSendFailed>("diag-missing");
        await worker.SendCommandAsync(SendMessageConsumerTests.Command("diag-ok", "alice"));
        await worker.Outcomes.WaitForAsync<MessageSent>("diag-ok");
        using var http = new HttpClient { BaseAddress = worker.Host.Services.GetRequiredService<DiagnosticsListener>().Address };

        var live = await http.GetAsync("/health/live");
        var ready = await http.GetAsync("/health/ready");
        var metrics = await http.GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var health = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var checks = health.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("providers").GetProperty("status").GetString());
        Assert.Equal("sent", checks.GetProperty("providers").GetProperty("data").GetProperty("scripted").GetProperty("lastOutcome").GetString());
        Assert.Contains(checks.EnumerateObject(), c => c.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase) && c.Value.GetProperty("status").GetString() == "Healthy");
        Assert.Contains("messaging_gateway_messages_sent_total{provider=\"scripted\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("messaging_gateway_messages_failed_total{code=\"RecipientNotFound\",provider=\"scripted\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE messaging_gateway_send_duration_seconds histogram", metrics, StringComparison.Ordinal);
        Assert.Contains("messaging_gateway_retries_total{provider=\"scripted\",reason=\"bus_ProviderUnavailable\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("messaging_gateway_send_duration_seconds_count{outcome=\"sent\",provider=\"scripted\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadyCheck_LastOutcomeWasProviderFailure_Degraded()
    {
        var provider = new ScriptedProviderFactory();
        provider.Script.Enqueue((_, _) => throw new ProviderException("scripted", GatewayErrorCode.Forbidden, "feature not enabled", providerErrorCode: "1002"));
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("degraded"), provider, new Dictionary<string, string?>
        {
            ["Diagnostics:Port"] = "0",
            ["Diagnostics:BindAddress"] = "127.0.0.1",
        });
        await worker.SendCommandAsync(SendMessageConsumerTests.Command("diag-forbidden", "alice"));
        await worker.Outcomes.WaitForAsync<MessageSendFailed>("diag-forbidden");
        using var http = new HttpClient { BaseAddress = worker.Host.Services.GetRequiredService<DiagnosticsListener>().Address };

        var ready = await http.GetAsync("/health/ready");

        using var health = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var providers = health.RootElement.GetProperty("checks").GetProperty("providers");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", providers.GetProperty("status").GetString());
        Assert.Equal("Forbidden", providers.GetProperty("data").GetProperty("scripted").GetProperty("lastOutcome").GetString());
    }
}
