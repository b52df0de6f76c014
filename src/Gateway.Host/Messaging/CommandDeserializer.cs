using System.Net.Mime;
using MassTransit;

namespace Gateway.Host.Messaging;

/// <summary>
/// How a command endpoint reads a message, around MassTransit's deserializer for one content type: the body's size
/// against <c>Messaging:MaxCommandBytes</c> before anything is parsed. A larger body throws
/// <see cref="UnreadableCommandException"/>; MassTransit moves the message to the error queue with that reason in
/// <c>MT-Fault-Message</c>.
/// </summary>
/// <remarks>
/// This is the last step of MassTransit's receive pipe before a body is parsed that still runs inside its rescue filter
/// (the one that moves failed messages to the error queue): a receive filter of the endpoint would run outside it, and
/// its exception would return the message to the queue instead; a consume filter runs after the body was parsed.
/// </remarks>
/// <typeparam name="TCommand">The endpoint's command.</typeparam>
internal sealed class CommandDeserializer<TCommand>(IMessageDeserializer inner, ContentType contentType, int maxCommandBytes) : IMessageDeserializer
    where TCommand : class
{
    public ContentType ContentType => contentType;

    public void Probe(ProbeContext context) => inner.Probe(context);

    public ConsumeContext Deserialize(ReceiveContext receiveContext)
    {
        ArgumentNullException.ThrowIfNull(receiveContext);
        CheckSize(receiveContext.Body);
        return inner.Deserialize(receiveContext);
    }

    public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null)
    {
        CheckSize(body);
        return inner.Deserialize(body, headers, destinationAddress);
    }

    public MessageBody GetMessageBody(string text) => inner.GetMessageBody(text);

    private void CheckSize(MessageBody body)
    {
        var length = body.Length ?? body.GetBytes().LongLength;
        if (length > maxCommandBytes)
        {
            throw new UnreadableCommandException(
                $"the body is {length} bytes, more than Messaging:MaxCommandBytes ({maxCommandBytes}); it was not read");
        }
    }
}
