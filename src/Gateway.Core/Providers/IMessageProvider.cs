using Gateway.Core.Contracts;

namespace Gateway.Core.Providers;

/// <summary>
/// One configured provider instance (for example the OpenIM server of one deployment, or one Tencent app).
/// The gateway validates a message and checks it against <see cref="Capabilities"/> before calling it.
/// </summary>
public interface IMessageProvider
{
    /// <summary>Gets the instance name, as configured under <c>Gateway:Providers:&lt;name&gt;</c>.</summary>
    string Name { get; }

    /// <summary>Gets the provider type name, for example <c>OpenIm</c> or <c>TencentIm</c>.</summary>
    string ProviderType { get; }

    /// <summary>Gets what this instance can send.</summary>
    ProviderCapabilities Capabilities { get; }

    /// <summary>Sends a validated message that fits <see cref="Capabilities"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">The token to cancel the send.</param>
    /// <returns>Who got the message and who did not.</returns>
    /// <exception cref="ProviderException">The provider refused the whole message, or could not be reached.</exception>
    Task<ProviderSendResult> SendAsync(SendMessage message, CancellationToken cancellationToken = default);

    /// <summary>Recalls a message sent earlier; succeeds when the message was already recalled.</summary>
    /// <param name="request">The validated revoke request.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>A task that completes when the provider confirmed the recall.</returns>
    /// <exception cref="ProviderException">The provider refused the recall, or could not be reached.</exception>
    Task RevokeAsync(RevokeMessage request, CancellationToken cancellationToken = default);
}
