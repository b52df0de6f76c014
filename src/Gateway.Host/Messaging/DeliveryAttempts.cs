using System.Globalization;
using MassTransit;

namespace Gateway.Host.Messaging;

/// <summary>
/// How many times a command has been tried, across in-process retries and redeliveries, and when it first failed.
/// Redelivered copies carry both in headers; within one delivery the count lives on the receive context, which every
/// in-process retry shares.
/// </summary>
internal sealed class DeliveryAttempts
{
    /// <summary>The header with the attempts made before this delivery.</summary>
    public const string AttemptsHeader = "MG-Attempts";

    /// <summary>The header with the time of the first failure (ISO 8601).</summary>
    public const string FirstFailureHeader = "MG-First-Failure";

    private int _inThisDelivery;

    private DeliveryAttempts(int previous, DateTimeOffset? firstFailure)
    {
        Previous = previous;
        FirstFailure = firstFailure;
    }

    /// <summary>Gets the attempts made before this delivery.</summary>
    public int Previous { get; }

    /// <summary>Gets when the command first failed, if it was redelivered.</summary>
    public DateTimeOffset? FirstFailure { get; }

    /// <summary>Gets all attempts so far.</summary>
    public int Total => Previous + Volatile.Read(ref _inThisDelivery);

    /// <summary>Gets the attempts of a delivery, reading the headers the first time.</summary>
    public static DeliveryAttempts Of(ConsumeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ReceiveContext.GetOrAddPayload(() => new DeliveryAttempts(
            context.Headers.Get<int>(AttemptsHeader) ?? 0,
            DateTimeOffset.TryParse(context.Headers.Get<string>(FirstFailureHeader), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var first) ? first : null));
    }

    /// <summary>Counts one more attempt and returns the total.</summary>
    public int Next() => Previous + Interlocked.Increment(ref _inThisDelivery);
}
