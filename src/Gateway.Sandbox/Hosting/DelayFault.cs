namespace Gateway.Sandbox.Hosting;

/// <summary>See <see cref="Fault.Delay"/>.</summary>
/// <param name="Duration">The delay.</param>
public sealed record DelayFault(TimeSpan Duration) : Fault;
