using Gateway.Core.Contracts;
using Gateway.Core.Pipeline;

namespace Gateway.Host.Messaging;

/// <summary>The <c>revoke-message</c> command: <see cref="RevokeMessage"/> → <see cref="MessageRevoked"/> or <see cref="MessageRevokeFailed"/>.</summary>
internal sealed class RevokeMessageHandler(GatewayPipeline pipeline) : IGatewayCommandHandler<RevokeMessage>
{
    public const string Queue = "revoke-message";

    public string QueueName => Queue;

    public CommandEndpointOptions Endpoint(MessagingOptions options) => options.RevokeMessage;

    public string MessageIdOf(RevokeMessage command) => command.MessageId ?? string.Empty;

    public async Task<GatewayOutcome> HandleAsync(RevokeMessage command, int attempts, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.RevokeAsync(command, cancellationToken);
        if (outcome.IsSuccess)
        {
            return new GatewayOutcome(outcome.Revoked, outcome.Revoked.Provider, null);
        }

        var failed = outcome.Failed.Attempts == 0 ? outcome.Failed : outcome.Failed with { Attempts = attempts };
        return new GatewayOutcome(failed, failed.Provider, failed.Error);
    }

    public GatewayOutcome GaveUp(RevokeMessage command, Exception exception, int attempts)
    {
        var failed = pipeline.RevokeGaveUp(command, exception, attempts);
        return new GatewayOutcome(failed, failed.Provider, failed.Error);
    }
}
