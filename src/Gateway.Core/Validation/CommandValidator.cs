using System.Diagnostics.CodeAnalysis;
using Gateway.Core.Contracts;
using Gateway.Core.Messages;

namespace Gateway.Core.Validation;

/// <summary>
/// Turns a command from the bus or a library caller into the validated model providers take, or into the
/// <c>InvalidMessage</c> error that lists every broken rule with its field path.
/// </summary>
internal sealed class CommandValidator(SendMessageValidator sendValidator, RevokeMessageValidator revokeValidator)
{
    public bool TryValidate(SendMessage command, [NotNullWhen(true)] out OutboundMessage? message, [NotNullWhen(false)] out GatewayError? error)
    {
        ArgumentNullException.ThrowIfNull(command);

        // The fast path answers most commands; only a command it rejects pays for the full report.
        if (!ValidSendMessage.Check(command, sendValidator.MaxRecipients))
        {
            var result = sendValidator.Validate(command);
            if (!result.IsValid)
            {
                message = null;
                error = ValidationFailures.ToError(result.Errors);
                return false;
            }
        }

        message = new OutboundMessage
        {
            MessageId = command.MessageId,
            Sender = command.Sender,
            Recipients = command.GroupId is { } groupId ? new GroupRecipient(groupId) : new UserRecipients(command.To!),
            Content = command.Content,
            Options = command.Options!,
        };
        error = null;
        return true;
    }

    public bool TryValidate(RevokeMessage command, [NotNullWhen(true)] out OutboundRevoke? request, [NotNullWhen(false)] out GatewayError? error)
    {
        ArgumentNullException.ThrowIfNull(command);
        var result = revokeValidator.Validate(command);
        if (!result.IsValid)
        {
            request = null;
            error = ValidationFailures.ToError(result.Errors);
            return false;
        }

        request = new OutboundRevoke
        {
            MessageId = command.MessageId,
            Sender = command.Sender,
            Conversation = command.Target.GroupId is { } groupId ? new GroupRecipient(groupId) : new UserRecipients([command.Target.To!]),
            ProviderMessageKey = command.ProviderMessageKey,
        };
        error = null;
        return true;
    }
}
