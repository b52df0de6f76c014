using System.Diagnostics.CodeAnalysis;
using Gateway.Core.Contracts;

namespace Gateway.Core;

/// <summary>The outcome of <see cref="IMessageGateway.RevokeAsync"/>: exactly one of <see cref="Revoked"/> and <see cref="Failed"/>.</summary>
public sealed record RevokeOutcome
{
    private RevokeOutcome(MessageRevoked? revoked, MessageRevokeFailed? failed)
    {
        Revoked = revoked;
        Failed = failed;
    }

    /// <summary>Gets the success event.</summary>
    public MessageRevoked? Revoked { get; }

    /// <summary>Gets the failure event.</summary>
    public MessageRevokeFailed? Failed { get; }

    /// <summary>Gets a value indicating whether the message is recalled.</summary>
    [MemberNotNullWhen(true, nameof(Revoked))]
    [MemberNotNullWhen(false, nameof(Failed))]
    public bool IsSuccess => Revoked is not null;

    /// <summary>Creates a success outcome.</summary>
    /// <param name="revoked">The event.</param>
    /// <returns>The outcome.</returns>
    public static RevokeOutcome Success(MessageRevoked revoked)
    {
        ArgumentNullException.ThrowIfNull(revoked);
        return new(revoked, null);
    }

    /// <summary>Creates a failure outcome.</summary>
    /// <param name="failed">The event.</param>
    /// <returns>The outcome.</returns>
    public static RevokeOutcome Failure(MessageRevokeFailed failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return new(null, failed);
    }
}
