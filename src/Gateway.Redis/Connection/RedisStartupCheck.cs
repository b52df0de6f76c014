using Gateway.Core;
using Gateway.Core.Idempotency;
using Gateway.Redis.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Redis.Connection;

/// <summary>
/// Connects to Redis when the host starts, before any hosted service (the bus among them) starts, and fails the start
/// when Redis does not answer within <see cref="RedisStoreOptions.StartupTimeout"/>. It runs in
/// <see cref="IHostedLifecycleService.StartingAsync"/>: after the options were validated (so the connection string is
/// known to parse) and before every <see cref="IHostedService.StartAsync"/>, whatever the registration order. It is not
/// an options validator on purpose: validation is synchronous and also runs in offline verbs (checking a configuration
/// file), which must not need the network. Nothing is contacted when no gateway store is set to Redis.
/// </summary>
internal sealed class RedisStartupCheck(
    RedisConnection connection,
    IOptions<GatewayOptions> gatewayOptions,
    TimeProvider timeProvider,
    ILogger<RedisStartupCheck> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var selectedBy = RedisStoreSelection.SelectedBy(gatewayOptions.Value);
        if (selectedBy.Count == 0)
        {
            return;
        }

        var limit = connection.Options.StartupTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var started = timeProvider.GetTimestamp();
        try
        {
            var multiplexer = await connection.GetMultiplexerAsync().WaitAsync(timeout.Token).ConfigureAwait(false);
            while (true)
            {
                if (multiplexer.IsConnected)
                {
                    try
                    {
                        await multiplexer.GetDatabase().PingAsync().WaitAsync(timeout.Token).ConfigureAwait(false);
                        var elapsed = timeProvider.GetElapsedTime(started).TotalMilliseconds;
                        logger.RedisReady(connection.Endpoints, elapsed);
                        return;
                    }
                    catch (Exception exception) when (RedisConnection.IsFailure(exception))
                    {
                        // Not ready yet (loading its data, or the connection dropped again): keep trying until the limit.
                    }
                }

                await Task.Delay(PollInterval, timeProvider, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = connection.LastFailure is { } type ? $" (last failure: {type})" : string.Empty;
            throw new StoreUnavailableException(
                $"{RedisStoreOptions.ConnectionStringKey}: the Redis server at {connection.Endpoints} did not answer within {Describe(limit)}{failure}. " +
                $"{string.Join(" and ", selectedBy)} {(selectedBy.Count == 1 ? "is" : "are")} Redis, and a worker does not start without its shared store.");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Describe(TimeSpan value) =>
        value.TotalSeconds >= 1 ? $"{value.TotalSeconds:0.#} s" : $"{value.TotalMilliseconds:0} ms";
}
