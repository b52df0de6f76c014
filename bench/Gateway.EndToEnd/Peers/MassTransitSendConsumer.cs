using Gateway.EndToEnd.Wire;
using MassTransit;

namespace Gateway.EndToEnd.Peers;

/// <summary>The <c>masstransit</c> peer's consumer: the OpenIM call, nothing else (no outcome event).</summary>
internal sealed class MassTransitSendConsumer(OpenImPeerClient client) : IConsumer<SendMessageCommand>
{
    public Task Consume(ConsumeContext<SendMessageCommand> context) => client.SendAsync(context.Message, context.CancellationToken);
}
