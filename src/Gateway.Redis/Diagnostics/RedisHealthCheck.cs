using Gateway.Core;
using Gateway.Redis.Connection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Gateway.Redis.Diagnostics;

/// <summary>
/// The <c>redis</c> readiness check: Healthy when Redis answers a PING, Unhealthy when it does not (a worker that
/// cannot claim cannot work, so it should leave rotation). Healthy without contacting Redis when no gateway store is
/// set to Redis. The description names the endpoints only.
/// </summary>
internal sealed class RedisHealthCheck(RedisConnection connection, IOptions<GatewayOptions> gatewayOptions) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (RedisStoreSelection.SelectedBy(gatewayOptions.Value).Count == 0)
        {
            return HealthCheckResult.Healthy("no gateway store is set to Redis");
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal) { ["endpoints"] = connection.Endpoints };
        try
        {
            var multiplexer = await connection.GetMultiplexerAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!multiplexer.IsConnected)
            {
                var failure = connection.LastFailure is { } type ? $" (last failure: {type})" : string.Empty;
                return HealthCheckResult.Unhealthy($"Redis at {connection.Endpoints} is not connected{failure}", data: data);
            }

            var latency = await multiplexer.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            data["latencyMs"] = Math.Round(latency.TotalMilliseconds, 2);
            return HealthCheckResult.Healthy($"Redis at {connection.Endpoints} answered in {latency.TotalMilliseconds:0.##} ms", data);
        }
        catch (Exception exception) when (RedisConnection.IsFailure(exception))
        {
            return HealthCheckResult.Unhealthy($"Redis at {connection.Endpoints} did not answer ({exception.GetType().Name})", data: data);
        }
    }
}
