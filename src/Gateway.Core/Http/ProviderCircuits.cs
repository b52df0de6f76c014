using System.Collections.Concurrent;
using Gateway.Core.Providers;
using Polly.CircuitBreaker;

namespace Gateway.Core.Http;

/// <summary>
/// The circuit-breaker state of every provider instance, by name. The pipeline's breaker writes it and the provider
/// reads it for readiness, so the state lives as long as the process, not as long as a pooled HTTP handler.
/// </summary>
public sealed class ProviderCircuits
{
    private readonly ConcurrentDictionary<string, CircuitBreakerStateProvider> _byInstance = new(StringComparer.OrdinalIgnoreCase);

    internal ProviderCircuits()
    {
    }

    /// <summary>Gets the breaker state of an instance.</summary>
    /// <param name="instance">The instance name.</param>
    /// <returns>The state; <see cref="ProviderCircuitState.Closed"/> before the instance's first call (a breaker not built yet reports closed).</returns>
    public ProviderCircuitState StateOf(string instance) =>
        _byInstance.TryGetValue(instance, out var provider)
            ? provider.CircuitState switch
            {
                CircuitState.Open => ProviderCircuitState.Open,
                CircuitState.HalfOpen => ProviderCircuitState.HalfOpen,
                CircuitState.Isolated => ProviderCircuitState.Isolated,
                _ => ProviderCircuitState.Closed,
            }
            : ProviderCircuitState.Closed;

    internal CircuitBreakerStateProvider For(string instance) => _byInstance.GetOrAdd(instance, static _ => new CircuitBreakerStateProvider());
}
