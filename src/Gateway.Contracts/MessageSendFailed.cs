namespace Gateway.Core.Contracts;

/// <summary>Event: nobody got the message.</summary>
public sealed record MessageSendFailed
{
    /// <summary>Gets the id of the <see cref="SendMessage"/> command (may be empty when the command had none).</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the provider instance chosen, or <see langword="null"/> when the message failed before routing.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets why the message was not sent.</summary>
    public required GatewayError Error { get; init; }

    /// <summary>Gets how many times the gateway tried the provider (0 when the message was rejected before sending).</summary>
    public int Attempts { get; init; }
}
