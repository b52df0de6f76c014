namespace Gateway.Core.Messages;

/// <summary>
/// Who a validated message goes to: <see cref="UserRecipients"/> (one or more distinct users) or
/// <see cref="GroupRecipient"/> (one group). Never both and never neither, so providers need no null checks.
/// </summary>
public abstract record MessageRecipients
{
    private protected MessageRecipients()
    {
    }
}
