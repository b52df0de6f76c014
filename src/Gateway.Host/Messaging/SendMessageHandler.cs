using Gateway.Core.Contracts;
using Gateway.Core.Pipeline;

namespace Gateway.Host.Messaging;

/// <summary>The <c>send-message</c> command: <see cref="SendMessage"/> → <see cref="MessageSent"/> or <see cref="MessageSendFailed"/>.</summary>
internal sealed class SendMessageHandler(GatewayPipeline pipeline) : IGatewayCommandHandler<SendMessage>
{
    public const string Queue = "send-message";

    public string QueueName => Queue;

    public CommandEndpointOptions Endpoint(MessagingOptions options) => options.SendMessage;

    public string MessageIdOf(SendMessage command) => command.MessageId ?? string.Empty;

    public async Task<GatewayOutcome> HandleAsync(SendMessage command, int attempts, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.SendAsync(command, cancellationToken);
        if (outcome.IsSuccess)
        {
            return new GatewayOutcome(outcome.Sent, outcome.Sent.Provider, null);
        }

        var failed = outcome.Failed.Attempts == 0 ? outcome.Failed : outcome.Failed with { Attempts = attempts };
        return new GatewayOutcome(failed, failed.Provider, failed.Error);
    }

    public GatewayOutcome GaveUp(SendMessage command, Exception exception, int attempts)
    {
        var failed = pipeline.SendGaveUp(command, exception, attempts);
        return new GatewayOutcome(failed, failed.Provider, failed.Error);
    }
}
