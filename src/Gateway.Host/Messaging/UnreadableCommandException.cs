namespace Gateway.Host.Messaging;

/// <summary>
/// A command endpoint could not read a message as its command: too large, empty, not in its content type's format, not
/// the command's shape, or another message type. MassTransit moves the message to the endpoint's error
/// queue with <see cref="Exception.Message"/> as the <c>MT-Fault-Message</c> header; it has no inner exception on
/// purpose, because MassTransit reports the innermost exception's message, and this one is written for the publisher.
/// </summary>
internal sealed class UnreadableCommandException : Exception
{
    public UnreadableCommandException()
    {
    }

    public UnreadableCommandException(string message)
        : base(message)
    {
    }

    public UnreadableCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
