using Gateway.Core.Contracts;

namespace Gateway.Core;

/// <summary>
/// The gateway as a library: validates a command, routes it to its provider instance and sends it, remembering
/// completed message ids so a repeated command is answered without sending again.
/// </summary>
public interface IMessageGateway
{
    /// <summary>Sends a message.</summary>
    /// <param name="message">The command.</param>
    /// <param name="cancellationToken">The token to cancel the send; a cancelled send records nothing.</param>
    /// <returns>The outcome: <see cref="MessageSent"/> or <see cref="MessageSendFailed"/>. Failures are returned, not thrown.</returns>
    Task<SendOutcome> SendAsync(SendMessage message, CancellationToken cancellationToken = default);

    /// <summary>Recalls a message sent earlier.</summary>
    /// <param name="request">The command.</param>
    /// <param name="cancellationToken">The token to cancel the call.</param>
    /// <returns>The outcome: <see cref="MessageRevoked"/> or <see cref="MessageRevokeFailed"/>.</returns>
    Task<RevokeOutcome> RevokeAsync(RevokeMessage request, CancellationToken cancellationToken = default);
}
