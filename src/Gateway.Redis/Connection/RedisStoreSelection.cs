using Gateway.Core;

namespace Gateway.Redis.Connection;

/// <summary>Which gateway stores are set to <see cref="StoreKind.Redis"/>: Redis is only contacted (and required) when one is.</summary>
internal static class RedisStoreSelection
{
    /// <summary>The configuration keys of the stores set to Redis, for example <c>Gateway:Idempotency:Store</c>.</summary>
    /// <param name="options">The gateway options.</param>
    /// <returns>The keys; empty when no store uses Redis.</returns>
    public static IReadOnlyList<string> SelectedBy(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = new List<string>(2);
        if (options.Idempotency.Store == StoreKind.Redis)
        {
            keys.Add($"{GatewayOptions.SectionName}:Idempotency:Store");
        }

        if (options.RateLimiting.Store == StoreKind.Redis)
        {
            keys.Add($"{GatewayOptions.SectionName}:RateLimiting:Store");
        }

        return keys;
    }
}
