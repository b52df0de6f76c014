using System.Net;
using System.Text.Json;
using Gateway.Core.Contracts;
using Gateway.Core.Providers;
using Gateway.Host.Tests.Support;
using Gateway.Testing;

namespace Gateway.Host.Tests.Diagnostics;

/// <summary>The health and metrics listener of a worker on a real broker: liveness, readiness, Prometheus text.</summary>
[Collection(BrokerCollection.Name)]
public sealed class DiagnosticsListenerTests(RabbitMqBroker broker)
{
    private static readonly Dictionary<string, string?> Listener = new()
    {
        ["Diagnostics:Port"] = "0",
        ["Diagnostics:BindAddress"] = "127.0.0.1",
    };

    [Fact]
    public async Task Listener_PortConfigured_ServesHealthAndPrometheusMetrics()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("diag"), Listener);
        worker.Providers.Default.ThrowOnSend(new ProviderException(ScriptedProviders.Name, GatewayErrorCode.RecipientNotFound, "no such user", providerErrorCode: "1004"), times: 1);
        await worker.SendCommandAsync(Samples.Text("diag-missing") with { To = ["ghost"] });
        await worker.Outcomes.WaitForAsync<MessageSendFailed>("diag-missing");
        worker.Providers.Default.ThrowOnSend(ScriptedProviders.Transient(), times: 1);
        await worker.SendCommandAsync(Samples.Text("diag-ok"));
        await worker.Outcomes.WaitForAsync<MessageSent>("diag-ok");
        using var http = new HttpClient { BaseAddress = worker.DiagnosticsAddress };

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
        Assert.Equal(1, PrometheusText.Value(metrics, "messaging_gateway_messages_sent_total", ("provider", "scripted")));
        Assert.Equal(1, PrometheusText.Value(metrics, "messaging_gateway_messages_failed_total", ("code", "RecipientNotFound"), ("provider", "scripted")));
        Assert.Contains("# TYPE messaging_gateway_send_duration_seconds histogram", metrics, StringComparison.Ordinal);
        Assert.Equal(1, PrometheusText.Value(metrics, "messaging_gateway_retries_total", ("provider", "scripted"), ("reason", "bus_ProviderUnavailable")));
        Assert.Equal(1, PrometheusText.Value(metrics, "messaging_gateway_send_duration_seconds_count", ("outcome", "sent"), ("provider", "scripted")));
    }

    [Fact]
    public async Task ReadyCheck_LastOutcomeWasProviderFailure_Degraded()
    {
        await using var worker = await TestWorker.StartScriptedAsync(broker, await broker.CreateVirtualHostAsync("degraded"), Listener);
        worker.Providers.Default.ThrowOnSend(new ProviderException(ScriptedProviders.Name, GatewayErrorCode.Forbidden, "feature not enabled", providerErrorCode: "1002"), times: 1);
        await worker.SendCommandAsync(Samples.Text("diag-forbidden"));
        await worker.Outcomes.WaitForAsync<MessageSendFailed>("diag-forbidden");
        using var http = new HttpClient { BaseAddress = worker.DiagnosticsAddress };

        var ready = await http.GetAsync("/health/ready");

        using var health = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var providers = health.RootElement.GetProperty("checks").GetProperty("providers");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", providers.GetProperty("status").GetString());
        Assert.Equal("Forbidden", providers.GetProperty("data").GetProperty("scripted").GetProperty("lastOutcome").GetString());
    }

    [Fact]
    public async Task ReadyCheck_OneProviderCircuitOpen_DegradedNotUnhealthy()
    {
        await using var worker = await TestWorker.StartAsync(broker, await broker.CreateVirtualHostAsync("circuit"), new Dictionary<string, string?>(Listener)
        {
            ["Gateway:DefaultProvider"] = "first",
            ["Gateway:Providers:first:Type"] = ScriptedProviders.Type,
            ["Gateway:Providers:second:Type"] = ScriptedProviders.Type,
        });
        worker.Providers["second"].CircuitState = ProviderCircuitState.Open;
        using var http = new HttpClient { BaseAddress = worker.DiagnosticsAddress };

        var ready = await http.GetAsync("/health/ready");

        using var health = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var providers = health.RootElement.GetProperty("checks").GetProperty("providers");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(("Degraded", "Degraded"), (health.RootElement.GetProperty("status").GetString(), providers.GetProperty("status").GetString()));
        Assert.Contains("second (circuit Open)", providers.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(("Open", "Closed"), (providers.GetProperty("data").GetProperty("second").GetProperty("circuit").GetString(), providers.GetProperty("data").GetProperty("first").GetProperty("circuit").GetString()));
        Assert.Contains(worker.Logs.GetSnapshot(), l => l.Id.Name == "ProviderHealthChanged" && l.Message == "Provider second is now circuit Open");
    }
}
