using Gateway.Core;
using Microsoft.Extensions.Options;

namespace Gateway.Redis.Connection;

/// <summary>
/// Startup validation of the Redis settings, run with the gateway's own options validation when a store is set to
/// Redis: the connection string must be present and parse, and the tuning values must make sense. Messages name the
/// key, never the value (a connection string may hold a password).
/// </summary>
internal sealed class RedisStoresValidator(IOptions<RedisStoreOptions> redisOptions) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var selectedBy = RedisStoreSelection.SelectedBy(options);
        if (selectedBy.Count == 0)
        {
            return ValidateOptionsResult.Skip;
        }

        var because = $"{string.Join(" and ", selectedBy)} {(selectedBy.Count == 1 ? "is" : "are")} Redis";
        var redis = redisOptions.Value;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(redis.ConnectionString))
        {
            errors.Add($"{RedisStoreOptions.ConnectionStringKey} is required because {because}: a StackExchange.Redis configuration string such as 'redis.internal:6379,password=...' (environment variable ConnectionStrings__Redis)");
        }
        else if (RedisConnection.TryParse(redis.ConnectionString) is not { } parsed)
        {
            errors.Add($"{RedisStoreOptions.ConnectionStringKey} is not a valid StackExchange.Redis configuration string (comma-separated host:port endpoints and name=value options; the value is not shown because it may hold a password)");
        }
        else if (parsed.EndPoints.Count == 0)
        {
            errors.Add($"{RedisStoreOptions.ConnectionStringKey} names no endpoint: add host:port (the value is not shown because it may hold a password)");
        }

        if (redis.KeyPrefix is null)
        {
            errors.Add($"{RedisStoreOptions.SectionName}:KeyPrefix must not be null (use an empty string for no prefix)");
        }

        if (redis.StartupTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{RedisStoreOptions.SectionName}:StartupTimeout must be positive (was {redis.StartupTimeout})");
        }

        if (redis.PermitBlockSize < 1)
        {
            errors.Add($"{RedisStoreOptions.SectionName}:PermitBlockSize must be at least 1 (was {redis.PermitBlockSize})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
