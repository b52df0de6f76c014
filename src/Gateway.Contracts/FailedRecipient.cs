namespace Gateway.Core.Contracts;

/// <summary>A recipient of a multi-recipient send that did not get the message.</summary>
public sealed record FailedRecipient
{
    /// <summary>Gets the user id.</summary>
    public required string Recipient { get; init; }

    /// <summary>Gets why the recipient did not get the message.</summary>
    public required GatewayError Error { get; init; }
}
