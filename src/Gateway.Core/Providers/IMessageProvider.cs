using Gateway.Core.Messages;

namespace Gateway.Core.Providers;

/// <summary>
/// One configured provider instance (for example the OpenIM server of one deployment, or one Tencent app). The gateway
/// validates a message and checks it against <see cref="Capabilities"/> (including the provider's own rules) before it
/// calls <see cref="SendAsync"/>, so a provider only sends.
/// </summary>
public interface IMessageProvider
{
    /// <summary>Gets the instance name, as configured under <c>Gateway:Providers:&lt;name&gt;</c>.</summary>
    string Name { get; }

    /// <summary>Gets the provider type name, for example <c>OpenIm</c> or <c>TencentIm</c>.</summary>
    string ProviderType { get; }

    /// <summary>Gets what this instance can send, and its own rules.</summary>
    ProviderCapabilities Capabilities { get; }

    /// <summary>Gets the state of the instance's circuit breaker, for readiness reports.</summary>
    ProviderCircuitState CircuitState { get; }

    /// <summary>Sends a validated message that fits <see cref="Capabilities"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">The token to cancel the send.</param>
    /// <returns>Who got the message and who did not.</returns>
    /// <exception cref="ProviderException">The provider refused the whole message, or could not be reached (<see cref="ProviderException.IsTransient"/> says whether trying again may help).</exception>
    Task<ProviderSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default);

    /// <summary>Recalls a message sent earlier; succeeds when the message was already recalled.</summary>
    /// <param name="request">The validated revoke request.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>A task that completes when the provider confirmed the recall.</returns>
    /// <exception cref="ProviderException">The provider refused the recall, or could not be reached.</exception>
    Task RevokeAsync(OutboundRevoke request, CancellationToken cancellationToken = default);
}
