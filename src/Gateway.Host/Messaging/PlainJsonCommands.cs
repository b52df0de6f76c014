using System.Net.Mime;
using MassTransit;
using MassTransit.Configuration;

namespace Gateway.Host.Messaging;

/// <summary>
/// Command endpoints accept MassTransit envelopes and plain JSON published from any language: plain JSON is the default
/// for messages without a content type, and accepted under the media types clients in other languages use for JSON.
/// </summary>
internal static class PlainJsonCommands
{
    /// <summary>
    /// Media types, besides <c>application/json</c>, under which plain JSON commands are accepted. Clients in other
    /// languages label JSON in many ways (or not at all: no content type also means plain JSON).
    /// </summary>
    public static readonly string[] Aliases = ["text/json", "text/x-json", "application/x-json", "text/plain", "application/octet-stream"];

    public static void Accept(IReceiveEndpointConfigurator endpoint)
    {
        endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
        foreach (var alias in Aliases)
        {
            endpoint.AddDeserializer(new PlainJsonAliasFactory(new ContentType(alias)));
        }
    }

    /// <summary>The plain JSON deserializer, registered under another media type.</summary>
    private sealed class PlainJsonAliasFactory(ContentType contentType) : ISerializerFactory
    {
        private readonly SystemTextJsonRawMessageSerializerFactory _inner = new(RawSerializerOptions.AnyMessageType);

        public ContentType ContentType => contentType;

        public IMessageSerializer CreateSerializer() => _inner.CreateSerializer();

        public IMessageDeserializer CreateDeserializer() => new AliasDeserializer(_inner.CreateDeserializer(), contentType);
    }

    private sealed class AliasDeserializer(IMessageDeserializer inner, ContentType contentType) : IMessageDeserializer
    {
        public ContentType ContentType => contentType;

        public void Probe(ProbeContext context) => inner.Probe(context);

        public ConsumeContext Deserialize(ReceiveContext receiveContext) => inner.Deserialize(receiveContext);

        public SerializerContext Deserialize(MessageBody body, Headers headers, Uri? destinationAddress = null) =>
            inner.Deserialize(body, headers, destinationAddress);

        public MessageBody GetMessageBody(string text) => inner.GetMessageBody(text);
    }
}
