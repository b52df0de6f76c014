namespace Gateway.Host.Messaging;

/// <summary>How outcome events are written on their exchanges (<c>Messaging:Events:Format</c>).</summary>
internal enum EventFormat
{
    /// <summary>MassTransit's JSON envelope (the event is its <c>message</c> field): for .NET services on MassTransit.</summary>
    MassTransit,

    /// <summary>The bare camelCase event, <c>content_type</c> <c>application/json</c>, with <c>message_id</c> and <c>type</c> set: for any AMQP client.</summary>
    Json,
}
