using System.Collections.Concurrent;
using Gateway.Core.Providers;
using Polly.CircuitBreaker;

namespace Gateway.Core.Http;

/// <summary>
/// The circuit-breaker state of every provider instance, by name. The pipeline's breaker writes it and the provider
/// reads it for readiness, so the state lives as long as the process, not as long as a pooled HTTP handler.
/// </summary>
/// <remarks>
/// Every breaker gets a state provider of its own (Polly lets one serve a single breaker). The resilience registry may
/// build an instance's pipeline more than once when its first requests arrive together (it builds in a
/// <c>ConcurrentDictionary.GetOrAdd</c> factory and keeps one result); a shared state provider made every build but the
/// first throw, and that failed the first concurrent sends. The builds that lose are never run and stay closed, so the
/// state reported is the most severe one among the instance's breakers.
/// </remarks>
public sealed class ProviderCircuits
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<CircuitBreakerStateProvider>> _byInstance = new(StringComparer.OrdinalIgnoreCase);

    internal ProviderCircuits()
    {
    }

    /// <summary>Gets the breaker state of an instance.</summary>
    /// <param name="instance">The instance name.</param>
    /// <returns>The state; <see cref="ProviderCircuitState.Closed"/> before the instance's first call (a breaker not built yet reports closed).</returns>
    public ProviderCircuitState StateOf(string instance)
    {
        var state = ProviderCircuitState.Closed;
        if (_byInstance.TryGetValue(instance, out var providers))
        {
            foreach (var provider in providers)
            {
                var current = provider.CircuitState switch
                {
                    CircuitState.Open => ProviderCircuitState.Open,
                    CircuitState.HalfOpen => ProviderCircuitState.HalfOpen,
                    CircuitState.Isolated => ProviderCircuitState.Isolated,
                    _ => ProviderCircuitState.Closed,
                };
                state = Severity(current) > Severity(state) ? current : state;
            }
        }

        return state;
    }

    /// <summary>A new state provider for one breaker of <paramref name="instance"/> (one per pipeline build).</summary>
    internal CircuitBreakerStateProvider For(string instance)
    {
        var provider = new CircuitBreakerStateProvider();
        _byInstance.GetOrAdd(instance, static _ => []).Add(provider);
        return provider;
    }

    private static int Severity(ProviderCircuitState state) => state switch
    {
        ProviderCircuitState.Isolated => 3,
        ProviderCircuitState.Open => 2,
        ProviderCircuitState.HalfOpen => 1,
        _ => 0,
    };
}
