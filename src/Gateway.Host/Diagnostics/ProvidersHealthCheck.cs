using Gateway.Core.Providers;
using Gateway.Core.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Gateway.Host.Diagnostics;

/// <summary>
/// The provider instances in the readiness report. A provider whose circuit is open, or whose last outcome was a
/// provider failure, makes the report <c>Degraded</c>, never <c>Unhealthy</c>: one provider's outage must not take
/// every worker out of rotation (the others' providers still work, and its commands wait in redelivery). Each
/// instance's state is in the data; a change of state is logged once, not on every probe.
/// </summary>
internal sealed class ProvidersHealthCheck(ProviderRegistry registry, ProviderHealthTracker tracker, ILogger<ProvidersHealthCheck> logger) : IHealthCheck
{
    private readonly Dictionary<string, string> _reported = new(StringComparer.OrdinalIgnoreCase);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var degraded = new List<string>();
        foreach (var provider in registry.Providers)
        {
            var circuit = provider.CircuitState;
            tracker.LastOutcomes.TryGetValue(provider.Name, out var last);
            data[provider.Name] = new Dictionary<string, object?>
            {
                ["type"] = provider.ProviderType,
                ["circuit"] = circuit.ToString(),
                ["lastOutcome"] = last is null ? "none" : last.Succeeded ? "sent" : last.Code.ToString(),
                ["lastOutcomeAt"] = last?.At,
            };
            var state = circuit is ProviderCircuitState.Open or ProviderCircuitState.Isolated ? $"circuit {circuit}"
                : last is { Succeeded: false } ? $"last outcome {last.Code}"
                : "healthy";
            if (state != "healthy")
            {
                degraded.Add($"{provider.Name} ({state})");
            }

            ReportChange(provider.Name, state);
        }

        var result = degraded.Count > 0
            ? HealthCheckResult.Degraded($"degraded: {string.Join(", ", degraded)}", data: data)
            : HealthCheckResult.Healthy($"{registry.Providers.Count} provider instances", data);
        return Task.FromResult(result);
    }

    private void ReportChange(string provider, string state)
    {
        lock (_reported)
        {
            if (_reported.TryGetValue(provider, out var before) ? before == state : state == "healthy")
            {
                return;
            }

            _reported[provider] = state;
        }

        logger.ProviderHealthChanged(provider, state);
    }
}
