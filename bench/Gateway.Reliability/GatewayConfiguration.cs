using System.Globalization;
using System.Text.Json.Nodes;

namespace Gateway.Reliability;

/// <summary>
/// The one place that knows the gateway's configuration keys: the <c>--config</c> file and the environment of a worker.
/// Layered over the shipped appsettings.json (which is read first); environment variables come last.
/// </summary>
internal static class GatewayConfiguration
{
    public const string OpenIm = "openim";
    public const string Tencent = "tencent";

    /// <summary>The generated JSON for one worker.</summary>
    public static JsonObject Create(WorkerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var provider = new Uri(settings.ProviderBaseUrl, UriKind.Absolute);
        var gateway = new JsonObject
        {
            ["DefaultProvider"] = settings.Provider,
            ["Providers"] = new JsonObject
            {
                [OpenIm] = new JsonObject
                {
                    ["Type"] = "OpenIm",
                    ["BaseUrl"] = provider.GetLeftPart(UriPartial.Authority),
                    ["AdminUserId"] = "imAdmin",
                    ["Secret"] = "openIM123",
                    ["ApiVersion"] = "V3",
                },
                [Tencent] = new JsonObject
                {
                    ["Type"] = "TencentIm",
                    ["SdkAppId"] = 1400000000,
                    ["AdminIdentifier"] = "administrator",
                    // Any key works against the fake (it reads TLS.time, not the HMAC).
                    ["SecretKey"] = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e",
                    ["BaseUrl"] = provider.GetLeftPart(UriPartial.Authority) + "/",
                },
            },
        };
        var root = new JsonObject
        {
            ["Logging"] = new JsonObject
            {
                ["LogLevel"] = new JsonObject { ["Default"] = "Warning", ["Microsoft.Hosting.Lifetime"] = "Warning" },
                ["Console"] = new JsonObject { ["IncludeScopes"] = false },
            },
            ["Gateway"] = gateway,
            ["Messaging"] = new JsonObject { ["Transport"] = "RabbitMq" },
            ["RabbitMq"] = new JsonObject
            {
                ["Host"] = "127.0.0.1",
                ["Port"] = settings.RabbitMqPort,
                ["VirtualHost"] = settings.VirtualHost,
                ["Username"] = "guest",
                ["Password"] = "guest",
            },
        };

        if (settings.RedisConnectionString is { } redis)
        {
            // The shared store (issue 9, deliverable 1): idempotency records and rate-limit buckets in Redis.
            gateway["Idempotency"] = new JsonObject { ["Store"] = "Redis" };
            gateway["RateLimiting"] = new JsonObject { ["Store"] = "Redis" };
            root["ConnectionStrings"] = new JsonObject { ["Redis"] = redis };
        }

        return root;
    }

    /// <summary>Environment variables for a worker (the last configuration layer).</summary>
    public static IReadOnlyDictionary<string, string> Environment(WorkerSettings settings) => new Dictionary<string, string>
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["DOTNET_gcServer"] = "0",
        ["MG_RELIABILITY_WORKER"] = settings.Name,
    };

    public static string Describe(WorkerSettings settings) => string.Create(
        CultureInfo.InvariantCulture,
        $"{settings.Provider} via {settings.ProviderBaseUrl}, RabbitMQ 127.0.0.1:{settings.RabbitMqPort}{settings.VirtualHost}{(settings.RedisConnectionString is null ? string.Empty : ", Redis " + settings.RedisConnectionString)}");
}
