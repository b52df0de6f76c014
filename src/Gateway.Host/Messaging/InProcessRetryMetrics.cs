using Gateway.Core.Diagnostics;
using Gateway.Core.Providers;
using MassTransit;

namespace Gateway.Host.Messaging;

/// <summary>
/// Counts each in-process retry of a command in <c>messaging_gateway.retries</c>, with the reason <c>bus_&lt;code&gt;</c>
/// (<c>bus_ProviderUnavailable</c>, ...), as redeliveries are counted with <c>bus_redelivery</c>.
/// </summary>
internal sealed class InProcessRetryMetrics(GatewayMetrics metrics) : IRetryObserver
{
    public Task PreRetry<T>(RetryContext<T> context)
        where T : class, PipeContext
    {
        var (provider, reason) = context.Exception is ProviderException exception
            ? (exception.Provider, exception.ErrorCode.ToString())
            : ("none", context.Exception.GetType().Name);
        metrics.Retried(provider, "bus_" + reason);
        return Task.CompletedTask;
    }

    public Task PostCreate<T>(RetryPolicyContext<T> context)
        where T : class, PipeContext => Task.CompletedTask;

    public Task PostFault<T>(RetryContext<T> context)
        where T : class, PipeContext => Task.CompletedTask;

    public Task RetryFault<T>(RetryContext<T> context)
        where T : class, PipeContext => Task.CompletedTask;

    public Task RetryComplete<T>(RetryContext<T> context)
        where T : class, PipeContext => Task.CompletedTask;
}
