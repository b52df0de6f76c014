using System.Net.Mime;
using System.Text.Json;
using MassTransit;

namespace Gateway.Host.Messaging;

/// <summary>
/// How a command endpoint reads a message, around MassTransit's deserializer for one content type: the body's size
/// against <c>Messaging:MaxCommandBytes</c> before anything is parsed, then the body parsed, then the command itself
/// read from it (MassTransit does that later, lazily, and reports only the innermost exception). Each refusal throws
/// <see cref="UnreadableCommandException"/> with a reason for the publisher; MassTransit moves the message to the error
/// queue with that reason in <c>MT-Fault-Message</c>.
/// </summary>
/// <remarks>
/// This is the last step of MassTransit's receive pipe before a body is parsed that still runs inside its rescue filter
/// (the one that moves failed messages to the error queue): a receive filter of the endpoint would run outside it, and
/// its exception would return the message to the queue instead. Reading the command here also catches a MassTransit
/// envelope of another message type, which no consumer takes and which MassTransit would otherwise move to
/// <c>_skipped</c> with no reason and no event.
/// </remarks>
/// <typeparam name="TCommand">The endpoint's command.</typeparam>
internal sealed class CommandDeserializer<TCommand>(IMessageDeserializer inner, ContentType contentType, int maxCommandBytes) : IMessageDeserializer
    where TCommand : class
{
    private static readonly string CommandUrn = MessageUrn.ForTypeString<TCommand>();

    public ContentType ContentType => contentType;

    public void Probe(ProbeContext context) => inner.Probe(context);

    public ConsumeContext Deserialize(ReceiveContext receiveContext)
    {
        ArgumentNullException.ThrowIfNull(receiveContext);
        CheckSize(receiveContext.Body);
        ConsumeContext context;
        try
        {
            context = inner.Deserialize(receiveContext);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new UnreadableCommandException($"the body is not readable as {contentType.MediaType}: {Reason(exception)}");
        }

        bool isCommand;
        ConsumeContext<TCommand>? command;
        try
        {
            // MassTransit keeps what it read, so the consumer does not read it again.
            isCommand = context.TryGetMessage(out command);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new UnreadableCommandException($"the body is not a {typeof(TCommand).Name} object: {Reason(exception)}");
        }

        if (!isCommand)
        {
            var types = context.SupportedMessageTypes.ToArray();
            throw new UnreadableCommandException(types.Length == 0
                ? $"the message names no message type; this queue consumes only {CommandUrn}"
                : $"the message type is {string.Join(", ", types)}; this queue consumes only {CommandUrn}");
        }

        return command?.Message is null
            ? throw new UnreadableCommandException($"the body is not a {typeof(TCommand).Name} object (JSON null)")
            : context;
    }

    public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null)
    {
        CheckSize(body);
        return inner.Deserialize(body, headers, destinationAddress);
    }

    public MessageBody GetMessageBody(string text) => inner.GetMessageBody(text);

    /// <summary>
    /// The reason in words: System.Text.Json's own message, which names the path (<c>Path: $.to | LineNumber ...</c>),
    /// with the cause under it (<c>Cannot get the value of a token type 'Number' as a string.</c>), where MassTransit
    /// would report the cause alone.
    /// </summary>
    private static string Reason(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is JsonException json)
            {
                var message = json.Path is { } path && !json.Message.Contains("Path:", StringComparison.Ordinal)
                    ? $"{json.Message} Path: {path}"
                    : json.Message;

                // What made the value unreadable, when it is not the JSON itself (invalid UTF-8, a number out of range).
                return json.InnerException is { } cause ? $"{message} ({cause.GetType().Name}: {cause.Message})" : message;
            }
        }

        var innermost = exception.GetBaseException();
        return $"{innermost.GetType().Name}: {innermost.Message}";
    }

    private void CheckSize(MessageBody body)
    {
        var length = body.Length ?? body.GetBytes().LongLength;
        if (length == 0)
        {
            // MassTransit would read it as an empty command, whose failure event cannot name the command.
            throw new UnreadableCommandException("the body is empty");
        }

        if (length > maxCommandBytes)
        {
            throw new UnreadableCommandException(
                $"the body is {length} bytes, more than Messaging:MaxCommandBytes ({maxCommandBytes}); it was not read");
        }
    }
}
