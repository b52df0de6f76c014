namespace Gateway.Core.Providers;

/// <summary>The state of a provider instance's circuit breaker, as reported to health checks.</summary>
public enum ProviderCircuitState
{
    /// <summary>Calls flow normally.</summary>
    Closed,

    /// <summary>Calls are refused until the break ends.</summary>
    Open,

    /// <summary>A trial call is allowed through.</summary>
    HalfOpen,

    /// <summary>Calls are refused until an operator closes the circuit.</summary>
    Isolated,
}
