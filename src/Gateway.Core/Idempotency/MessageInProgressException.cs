namespace Gateway.Core.Idempotency;

/// <summary>
/// Another gateway worker holds the claim on this message id right now (a shared store answered Busy). Nothing was
/// sent; try again later. The claim expires after the store's lease if its owner died.
/// </summary>
public sealed class MessageInProgressException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="MessageInProgressException"/> class.</summary>
    public MessageInProgressException()
        : this("The message is being processed by another gateway worker.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MessageInProgressException"/> class.</summary>
    /// <param name="message">The explanation.</param>
    public MessageInProgressException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MessageInProgressException"/> class.</summary>
    /// <param name="message">The explanation.</param>
    /// <param name="innerException">The cause.</param>
    public MessageInProgressException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
