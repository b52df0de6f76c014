using System.Net.Mime;
using MassTransit;
using MassTransit.Configuration;

namespace Gateway.Host.Messaging;

/// <summary>
/// What both command endpoints share: they accept MassTransit envelopes and plain JSON published from any language,
/// apply the prefetch and queue type, and retry only transient provider failures.
/// </summary>
internal static class GatewayEndpointConfiguration
{
    /// <summary>
    /// Media types, besides <c>application/json</c>, under which plain JSON commands are accepted. Clients in other
    /// languages label JSON in many ways (or not at all: no content type also means plain JSON).
    /// </summary>
    public static readonly string[] PlainJsonAliases = ["text/json", "text/x-json", "application/x-json", "text/plain", "application/octet-stream"];

    public static void Apply(IReceiveEndpointConfigurator endpoint, EndpointOptions settings, RetryOptions retry, bool quorumQueues)
    {
        // Plain JSON is the default for messages without a content type; MassTransit envelopes keep their own type.
        endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
        foreach (var alias in PlainJsonAliases)
        {
            endpoint.AddDeserializer(new PlainJsonAliasFactory(new ContentType(alias)));
        }

        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = settings.PrefetchCount;
            if (quorumQueues)
            {
                rabbit.SetQuorumQueue();
            }
        }

        endpoint.UseMessageRetry(policy =>
        {
            policy.Exponential(retry.Limit, retry.MinInterval, retry.MaxInterval, retry.IntervalDelta);
            policy.Handle<TransientFailureException>();
        });
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
