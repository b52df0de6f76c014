using System.Net.Mime;
using MassTransit;
using MassTransit.Configuration;

namespace Gateway.Host.Messaging;

/// <summary>
/// Command endpoints accept MassTransit envelopes and plain JSON published from any language: plain JSON is the default
/// for messages without a content type, and accepted under the media types clients in other languages use for JSON.
/// Every one of these is read through <see cref="CommandDeserializer{TCommand}"/> (size limit, the command read, its
/// type checked).
/// </summary>
internal static class PlainJsonCommands
{
    /// <summary>
    /// Media types, besides <c>application/json</c>, under which plain JSON commands are accepted. Clients in other
    /// languages label JSON in many ways (or not at all: no content type also means plain JSON).
    /// </summary>
    public static readonly string[] Aliases = ["text/json", "text/x-json", "application/x-json", "text/plain", "application/octet-stream"];

    /// <summary>Registers the endpoint's deserializers: plain JSON (the default, and its aliases) and MassTransit's envelope.</summary>
    /// <typeparam name="TCommand">The endpoint's command.</typeparam>
    /// <param name="endpoint">The endpoint.</param>
    /// <param name="maxCommandBytes">The largest body read (<c>Messaging:MaxCommandBytes</c>).</param>
    public static void Accept<TCommand>(IReceiveEndpointConfigurator endpoint, int maxCommandBytes)
        where TCommand : class
    {
        var raw = new SystemTextJsonRawMessageSerializerFactory(RawSerializerOptions.AnyMessageType);
        endpoint.AddDeserializer(new CommandSerializerFactory<TCommand>(raw, raw.ContentType, maxCommandBytes), isDefault: true);
        foreach (var alias in Aliases)
        {
            endpoint.AddDeserializer(new CommandSerializerFactory<TCommand>(raw, new ContentType(alias), maxCommandBytes));
        }

        var envelope = new SystemTextJsonMessageSerializerFactory();
        endpoint.AddDeserializer(new CommandSerializerFactory<TCommand>(envelope, envelope.ContentType, maxCommandBytes));
    }

    /// <summary>A MassTransit deserializer registered under <paramref name="contentType"/> and read through <see cref="CommandDeserializer{TCommand}"/>.</summary>
    private sealed class CommandSerializerFactory<TCommand>(ISerializerFactory inner, ContentType contentType, int maxCommandBytes) : ISerializerFactory
        where TCommand : class
    {
        public ContentType ContentType => contentType;

        public IMessageSerializer CreateSerializer() => inner.CreateSerializer();

        public IMessageDeserializer CreateDeserializer() => new CommandDeserializer<TCommand>(inner.CreateDeserializer(), contentType, maxCommandBytes);
    }
}
