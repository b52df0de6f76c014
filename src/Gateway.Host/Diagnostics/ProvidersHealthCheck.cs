using Gateway.Core.Providers;
using Gateway.Core.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Host.Diagnostics;

/// <summary>
/// Readiness of the provider instances: unhealthy while a circuit breaker is open, degraded when the last outcome
/// of an instance was a provider failure, healthy otherwise. Each instance's state is in the result data.
/// </summary>
internal sealed class ProvidersHealthCheck(MessageProviderRegistry registry, ProviderHealthTracker tracker) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var open = new List<string>();
        var failing = new List<string>();
        foreach (var provider in registry.Providers)
        {
            var circuit = (provider as ICircuitStateSource)?.CircuitState ?? ProviderCircuitState.Closed;
            tracker.LastOutcomes.TryGetValue(provider.Name, out var last);
            data[provider.Name] = new Dictionary<string, object?>
            {
                ["type"] = provider.ProviderType,
                ["circuit"] = circuit.ToString(),
                ["lastOutcome"] = last is null ? "none" : last.Succeeded ? "sent" : last.Code.ToString(),
                ["lastOutcomeAt"] = last?.At,
            };
            if (circuit is ProviderCircuitState.Open or ProviderCircuitState.Isolated)
            {
                open.Add(provider.Name);
            }
            else if (last is { Succeeded: false })
            {
                failing.Add(provider.Name);
            }
        }

        var result = open.Count > 0
            ? HealthCheckResult.Unhealthy($"circuit open: {string.Join(", ", open)}", data: data)
            : failing.Count > 0
                ? HealthCheckResult.Degraded($"last outcome failed: {string.Join(", ", failing)}", data: data)
                : HealthCheckResult.Healthy($"{registry.Providers.Count} provider instances", data);
        return Task.FromResult(result);
    }
}
