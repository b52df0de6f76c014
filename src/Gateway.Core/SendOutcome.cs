using System.Diagnostics.CodeAnalysis;
using Gateway.Core.Contracts;

namespace Gateway.Core;

/// <summary>The outcome of <see cref="IMessageGateway.SendAsync"/>: exactly one of <see cref="Sent"/> and <see cref="Failed"/>.</summary>
public sealed record SendOutcome
{
    private SendOutcome(MessageSent? sent, MessageSendFailed? failed)
    {
        Sent = sent;
        Failed = failed;
    }

    /// <summary>Gets the success event, when at least one recipient got the message.</summary>
    public MessageSent? Sent { get; }

    /// <summary>Gets the failure event, when nobody got the message.</summary>
    public MessageSendFailed? Failed { get; }

    /// <summary>Gets a value indicating whether at least one recipient got the message.</summary>
    [MemberNotNullWhen(true, nameof(Sent))]
    [MemberNotNullWhen(false, nameof(Failed))]
    public bool IsSuccess => Sent is not null;

    /// <summary>Creates a success outcome.</summary>
    /// <param name="sent">The event.</param>
    /// <returns>The outcome.</returns>
    public static SendOutcome Success(MessageSent sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        return new(sent, null);
    }

    /// <summary>Creates a failure outcome.</summary>
    /// <param name="failed">The event.</param>
    /// <returns>The outcome.</returns>
    public static SendOutcome Failure(MessageSendFailed failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return new(null, failed);
    }
}
