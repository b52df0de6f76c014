using Gateway.Core.Contracts;
using Gateway.Core.Providers;

namespace Gateway.Core.Pipeline;

/// <summary>
/// The gateway for library callers: the pipeline, with a transient failure returned as a failure outcome
/// (<c>error.transient: true</c>) instead of thrown, because a library caller has no bus to redeliver for it.
/// </summary>
internal sealed class MessageGateway(GatewayPipeline pipeline) : IMessageGateway
{
    public async Task<SendOutcome> SendAsync(SendMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            return await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (TransientFailures.IsTransient(exception))
        {
            return SendOutcome.Failure(pipeline.SendGaveUp(message, exception, attempts: 1));
        }
    }

    public async Task<RevokeOutcome> RevokeAsync(RevokeMessage request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await pipeline.RevokeAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (TransientFailures.IsTransient(exception))
        {
            return RevokeOutcome.Failure(pipeline.RevokeGaveUp(request, exception, attempts: 1));
        }
    }
}
