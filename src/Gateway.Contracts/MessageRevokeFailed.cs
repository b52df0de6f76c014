namespace Gateway.Core.Contracts;

/// <summary>Event: the message could not be recalled.</summary>
public sealed record MessageRevokeFailed
{
    /// <summary>Gets the id of the <see cref="RevokeMessage"/> command (may be empty when the command had none).</summary>
    public required string MessageId { get; init; }

    /// <summary>Gets the provider instance chosen, or <see langword="null"/> when the request failed before routing.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets why the recall failed.</summary>
    public required GatewayError Error { get; init; }

    /// <summary>Gets how many times the gateway tried the provider (0 when rejected before sending).</summary>
    public int Attempts { get; init; }
}
