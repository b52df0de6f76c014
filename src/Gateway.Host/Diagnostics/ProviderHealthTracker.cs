using System.Collections.Concurrent;
using Gateway.Core.Contracts;
using Gateway.Host.Messaging;

namespace Gateway.Host.Diagnostics;

/// <summary>The last outcome the worker saw from each provider instance, for the readiness report.</summary>
internal sealed class ProviderHealthTracker(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, ProviderOutcome> _last = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, ProviderOutcome> LastOutcomes => _last;

    public void Record(GatewayOutcome outcome)
    {
        if (outcome.Error is null)
        {
            if (outcome.Provider is not null)
            {
                _last[outcome.Provider] = new ProviderOutcome(timeProvider.GetUtcNow(), Succeeded: true, Code: null, Transient: false);
            }

            return;
        }

        Failed(outcome.Provider, outcome.Error);
    }

    public void Failed(string? provider, GatewayError error)
    {
        // Rejections before sending say nothing about the provider's health.
        if (provider is null || error.Code == GatewayErrorCode.InvalidMessage)
        {
            return;
        }

        _last[provider] = new ProviderOutcome(timeProvider.GetUtcNow(), Succeeded: false, error.Code, error.Transient);
    }
}
