using System.Collections.Concurrent;
using System.Diagnostics;
using Gateway.Core.Providers;
using Polly.CircuitBreaker;

namespace Gateway.Core.Http;

/// <summary>
/// The circuit-breaker state of every provider instance, by name. The pipeline's breaker reports its transitions here
/// and the provider reads them for readiness, so the state lives as long as the process, not as long as a pooled HTTP
/// handler.
/// </summary>
/// <remarks>
/// The state is followed through the breaker's callbacks rather than a shared <see cref="CircuitBreakerStateProvider"/>:
/// the resilience registry may build an instance's pipeline twice when its first requests race and keep one, and a
/// state provider can belong to one breaker only, so sharing it failed the losing build (and that request). Only the
/// kept pipeline ever runs, so only its breaker reports.
/// </remarks>
public sealed class ProviderCircuits
{
    private readonly ConcurrentDictionary<string, Slot> _byInstance = new(StringComparer.OrdinalIgnoreCase);

    internal ProviderCircuits()
    {
    }

    /// <summary>Gets the breaker state of an instance.</summary>
    /// <param name="instance">The instance name.</param>
    /// <returns>The state; <see cref="ProviderCircuitState.Closed"/> before the instance's first call (a breaker not built yet reports closed).</returns>
    public ProviderCircuitState StateOf(string instance) =>
        _byInstance.TryGetValue(instance, out var slot) ? slot.State : ProviderCircuitState.Closed;

    /// <summary>Makes a breaker report its transitions as the state of <paramref name="instance"/>, after the callbacks it already has.</summary>
    internal void Follow<TResult>(string instance, CircuitBreakerStrategyOptions<TResult> options)
    {
        var slot = _byInstance.GetOrAdd(instance, static _ => new Slot());
        var opened = options.OnOpened;
        var closed = options.OnClosed;
        var halfOpened = options.OnHalfOpened;
        options.OnOpened = args =>
        {
            slot.Open(args.IsManual, args.BreakDuration);
            return opened?.Invoke(args) ?? default;
        };
        options.OnClosed = args =>
        {
            slot.State = ProviderCircuitState.Closed;
            return closed?.Invoke(args) ?? default;
        };
        options.OnHalfOpened = args =>
        {
            slot.State = ProviderCircuitState.HalfOpen;
            return halfOpened?.Invoke(args) ?? default;
        };
    }

    /// <summary>One breaker's last transition; an open circuit whose break is over lets the next call through, so it reads half-open.</summary>
    private sealed class Slot
    {
        private readonly Lock _lock = new();
        private ProviderCircuitState _state = ProviderCircuitState.Closed;
        private long _openUntil;

        public ProviderCircuitState State
        {
            get
            {
                lock (_lock)
                {
                    return _state == ProviderCircuitState.Open && Stopwatch.GetTimestamp() >= _openUntil ? ProviderCircuitState.HalfOpen : _state;
                }
            }

            set
            {
                lock (_lock)
                {
                    _state = value;
                }
            }
        }

        public void Open(bool manual, TimeSpan breakDuration)
        {
            lock (_lock)
            {
                _state = manual ? ProviderCircuitState.Isolated : ProviderCircuitState.Open;
                _openUntil = Stopwatch.GetTimestamp() + (long)(Math.Min(breakDuration.TotalSeconds, 86_400) * Stopwatch.Frequency);
            }
        }
    }
}
