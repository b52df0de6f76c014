using Gateway.Core;
using Gateway.Core.Idempotency;
using Gateway.Core.RateLimiting;
using Gateway.Redis;
using Gateway.Redis.Connection;
using Gateway.Redis.Diagnostics;
using Gateway.Redis.Idempotency;
using Gateway.Redis.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the Redis stores of the gateway, selected with <c>Gateway:Idempotency:Store = Redis</c> and
/// <c>Gateway:RateLimiting:Store = Redis</c>, so that several workers consuming one queue share one idempotency record
/// and one set of rate-limit windows.
/// </summary>
/// <remarks>
/// <para>What is registered (once, however often this is called):</para>
/// <list type="bullet">
/// <item><description>one shared <see cref="IConnectionMultiplexer"/>, keyed <c>"Redis"</c> (and as the unkeyed service unless
/// the application registered its own), connected when the host starts;</description></item>
/// <item><description><see cref="IIdempotencyStore"/> and <see cref="IRateLimitStore"/> keyed <c>"Redis"</c>
/// (<c>nameof(StoreKind.Redis)</c>), which the gateway resolves when a store is set to Redis;</description></item>
/// <item><description>startup validation: with a store set to Redis, a missing or malformed <c>ConnectionStrings:Redis</c>
/// fails the start naming the key (never its value);</description></item>
/// <item><description>a hosted service that, before any hosted service starts (the bus among them), waits up to
/// <c>Gateway:Redis:StartupTimeout</c> (10 s) for Redis to answer and otherwise fails the start with a
/// <see cref="StoreUnavailableException"/> naming <c>ConnectionStrings:Redis</c> and the endpoints' host:port;</description></item>
/// <item><description>the health check <c>redis</c>, tagged <c>ready</c>: Unhealthy while Redis does not answer.</description></item>
/// </list>
/// <para>
/// Nothing contacts Redis when no store is set to Redis. Mid-run outages do not stop the worker: store operations throw
/// <see cref="StoreUnavailableException"/> (within the connection string's <c>asyncTimeout</c>), the gateway sends nothing
/// it could not claim, and the connection comes back by itself (<c>abortConnect</c> is always off).
/// </para>
/// </remarks>
public static class RedisGatewayBuilderExtensions
{
    /// <summary>The name of the health check.</summary>
    public const string HealthCheckName = "redis";

    /// <summary>
    /// Registers the Redis stores, reading <c>ConnectionStrings:Redis</c> and <c>Gateway:Redis</c> from the application's
    /// <see cref="IConfiguration"/> service (when there is one).
    /// </summary>
    /// <param name="builder">The gateway builder.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddRedisStores(this IGatewayBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddCore(builder.Services);
        builder.Services.AddOptions<RedisStoreOptions>().Configure<IServiceProvider>(static (options, services) =>
        {
            if (services.GetService<IConfiguration>() is { } configuration)
            {
                Bind(configuration, options);
            }
        });
        return builder;
    }

    /// <summary>
    /// Registers the Redis stores, reading <c>ConnectionStrings:Redis</c> (environment variable <c>ConnectionStrings__Redis</c>)
    /// and the optional <c>Gateway:Redis</c> section from <paramref name="configuration"/>.
    /// </summary>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="configuration">The configuration root (the one holding <c>ConnectionStrings</c>).</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddRedisStores(this IGatewayBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        AddCore(builder.Services);
        builder.Services.AddOptions<RedisStoreOptions>().Configure(options => Bind(configuration, options));
        return builder;
    }

    /// <summary>Registers the Redis stores configured in code (after what the application's configuration sets).</summary>
    /// <param name="builder">The gateway builder.</param>
    /// <param name="configure">Sets the options, for example <see cref="RedisStoreOptions.ConnectionString"/>.</param>
    /// <returns>The builder.</returns>
    public static IGatewayBuilder AddRedisStores(this IGatewayBuilder builder, Action<RedisStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddRedisStores();
        builder.Services.Configure(configure);
        return builder;
    }

    private static void Bind(IConfiguration configuration, RedisStoreOptions options)
    {
        configuration.GetSection(RedisStoreOptions.SectionName).Bind(options);
        if (configuration.GetConnectionString(RedisStoreOptions.ConnectionStringName) is { Length: > 0 } connectionString)
        {
            options.ConnectionString = connectionString;
        }
    }

    private static void AddCore(IServiceCollection services)
    {
        if (services.Any(static d => d.ServiceType == typeof(RedisStoresMarker)))
        {
            return;
        }

        const string Key = nameof(StoreKind.Redis);
        services.AddSingleton<RedisStoresMarker>();
        services.AddOptions<RedisStoreOptions>();
        services.AddOptions<GatewayOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GatewayOptions>, RedisStoresValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RedisConnection>();
        services.AddKeyedSingleton<IConnectionMultiplexer>(Key, static (sp, _) => sp.GetRequiredService<RedisConnection>().Multiplexer);
        services.TryAddSingleton(static sp => sp.GetRequiredKeyedService<IConnectionMultiplexer>(Key));
        services.AddKeyedSingleton<IIdempotencyStore, RedisIdempotencyStore>(Key);
        services.AddKeyedSingleton<IRateLimitStore, RedisRateLimitStore>(Key);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RedisStartupCheck>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>(HealthCheckName, HealthStatus.Unhealthy, ["ready"], TimeSpan.FromSeconds(5));
    }

    private sealed class RedisStoresMarker;
}
