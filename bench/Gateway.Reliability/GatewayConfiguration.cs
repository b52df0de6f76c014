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

    /// <summary>The OpenIM instance's <c>Secret</c> (what the fake provider checks).</summary>
    public const string OpenImSecret = "openIM123";

    /// <summary>The Tencent instance's <c>SecretKey</c>. Any key works against the fake (it reads TLS.time, not the HMAC).</summary>
    public const string TencentSecretKey = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    /// <summary>Every category the shipped appsettings.json sets, and the ones the audit asks for, all at Trace in the audit.</summary>
    private static readonly string[] TraceCategories = ["Default", "Microsoft", "Microsoft.Hosting.Lifetime", "MassTransit", "Polly", "System.Net.Http", "System.Net.Http.HttpClient"];

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
                    ["Secret"] = OpenImSecret,
                    ["ApiVersion"] = "V3",
                },
                [Tencent] = new JsonObject
                {
                    ["Type"] = "TencentIm",
                    ["SdkAppId"] = 1400000000,
                    ["AdminIdentifier"] = "administrator",
                    ["SecretKey"] = TencentSecretKey,
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

        if (settings.Trace)
        {
            // The secrets audit: everything every library logs, with the structured state and scopes (the JSON console
            // formatter writes both, where the simple one writes only the formatted text).
            var levels = new JsonObject();
            foreach (var category in TraceCategories)
            {
                levels[category] = "Trace";
            }

            root["Logging"] = new JsonObject
            {
                ["LogLevel"] = levels,
                ["Console"] = new JsonObject
                {
                    ["FormatterName"] = "json",
                    ["FormatterOptions"] = new JsonObject { ["IncludeScopes"] = true },
                },
            };
            root["Diagnostics"] = new JsonObject { ["BindAddress"] = "127.0.0.1" };
        }

        if (settings.RedisConnectionString is { } redis)
        {
            // The shared store (issue 9, deliverable 1): idempotency records and rate-limit buckets in Redis.
            gateway["Idempotency"] = new JsonObject { ["Store"] = "Redis" };
            gateway["RateLimiting"] = new JsonObject { ["Store"] = "Redis" };
            root["ConnectionStrings"] = new JsonObject { ["Redis"] = redis };
        }

        return root;
    }

    /// <summary>Environment variables for a worker (the last configuration layer); a diagnostics port is per worker.</summary>
    public static IReadOnlyDictionary<string, string> Environment(WorkerSettings settings, int? diagnosticsPort = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["DOTNET_gcServer"] = "0",
            ["MG_RELIABILITY_WORKER"] = settings.Name,
        };
        if (diagnosticsPort is { } port)
        {
            environment["Diagnostics__Port"] = port.ToString(CultureInfo.InvariantCulture);
        }

        return environment;
    }

    public static string Describe(WorkerSettings settings) => string.Create(
        CultureInfo.InvariantCulture,
        $"{settings.Provider} via {settings.ProviderBaseUrl}, RabbitMQ 127.0.0.1:{settings.RabbitMqPort}{settings.VirtualHost}{(settings.RedisConnectionString is null ? string.Empty : ", Redis " + settings.RedisConnectionString)}");
}
