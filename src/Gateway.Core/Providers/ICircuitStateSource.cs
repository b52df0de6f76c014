namespace Gateway.Core.Providers;

/// <summary>Implemented by providers whose HTTP pipeline has a circuit breaker, so health checks can report it.</summary>
public interface ICircuitStateSource
{
    /// <summary>Gets the current state of the circuit breaker.</summary>
    ProviderCircuitState CircuitState { get; }
}
