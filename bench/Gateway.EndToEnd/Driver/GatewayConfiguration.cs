using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.EndToEnd.Driver;

/// <summary>
/// The only place that knows the gateway worker's configuration keys: renders the JSON file passed to
/// <c>Gateway.Host run --config</c> (layered over the shipped appsettings.json; the consumer process has the
/// overriding environment variables removed). Adapt this class when the redesign renames keys.
/// </summary>
internal static class GatewayConfiguration
{
    /// <summary>The environment variable that carries the <c>tencent</c> instance's <c>SecretKey</c> (kept out of the generated file).</summary>
    public const string TencentSecretKeyVariable = "Gateway__Providers__tencent__SecretKey";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes the configuration of one run against the fake OpenIM (instance <c>openim</c>, the default).</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="providerUrl">The fake OpenIM's base URL.</param>
    /// <param name="rabbitMqPort">The AMQP port on 127.0.0.1.</param>
    /// <param name="virtualHost">The run's virtual host.</param>
    /// <param name="prefetchCount">The <c>send-message</c> prefetch.</param>
    /// <param name="concurrentMessageLimit">The <c>send-message</c> concurrency.</param>
    /// <param name="messages">How many commands the run sends (the idempotency store must hold them all).</param>
    /// <param name="extra">Values written over the generated ones, <c>Key:Path=value</c> (<c>--gateway-setting</c>).</param>
    public static void Write(string path, Uri providerUrl, int rabbitMqPort, string virtualHost, int prefetchCount, int concurrentMessageLimit, int messages, IReadOnlyList<string> extra) =>
        Write(
            path,
            "openim",
            new JsonObject
            {
                ["Type"] = "OpenIm",
                ["BaseUrl"] = providerUrl.GetLeftPart(UriPartial.Authority),
                ["AdminUserId"] = "imAdmin",
                ["Secret"] = "openIM123",
                ["ApiVersion"] = "V3",
            },
            rabbitMqPort,
            virtualHost,
            prefetchCount,
            concurrentMessageLimit,
            messages,
            extra);

    /// <summary>
    /// Writes the configuration of one run against the Tencent emulator: instance <c>tencent</c> (the default), type
    /// <c>TencentIm</c>, the emulator's app and admin, and nothing else, so the adapter's shipped defaults apply
    /// (<c>RateLimit</c>: 200 requests/s per API, 12 000 batch recipients per minute, 40 messages/s per group, 50 ms guard).
    /// The key is not written: the gateway gets it from <see cref="TencentSecretKeyVariable"/> in its environment.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="emulatorUrl">The emulator's base address.</param>
    /// <param name="sdkAppId">The emulated app's SDKAppID.</param>
    /// <param name="adminIdentifier">An App admin account of the emulator.</param>
    /// <param name="rabbitMqPort">The AMQP port on 127.0.0.1.</param>
    /// <param name="virtualHost">The run's virtual host.</param>
    /// <param name="prefetchCount">The <c>send-message</c> prefetch.</param>
    /// <param name="concurrentMessageLimit">The <c>send-message</c> concurrency.</param>
    /// <param name="messages">How many commands the run sends (the idempotency store must hold them all).</param>
    /// <param name="extra">Values written over the generated ones, <c>Key:Path=value</c> (<c>--gateway-setting</c>).</param>
    public static void WriteTencent(
        string path,
        Uri emulatorUrl,
        long sdkAppId,
        string adminIdentifier,
        int rabbitMqPort,
        string virtualHost,
        int prefetchCount,
        int concurrentMessageLimit,
        int messages,
        IReadOnlyList<string> extra) =>
        Write(
            path,
            "tencent",
            new JsonObject
            {
                ["Type"] = "TencentIm",
                ["BaseUrl"] = emulatorUrl.ToString(),
                ["SdkAppId"] = sdkAppId,
                ["AdminIdentifier"] = adminIdentifier,
            },
            rabbitMqPort,
            virtualHost,
            prefetchCount,
            concurrentMessageLimit,
            messages,
            extra);

    private static void Write(
        string path,
        string providerName,
        JsonObject provider,
        int rabbitMqPort,
        string virtualHost,
        int prefetchCount,
        int concurrentMessageLimit,
        int messages,
        IReadOnlyList<string> extra)
    {
        var configuration = new JsonObject
        {
            ["Logging"] = new JsonObject
            {
                // The shipped file raises Microsoft.Hosting.Lifetime to Information; a more specific category wins.
                ["LogLevel"] = new JsonObject { ["Default"] = "Warning", ["Microsoft.Hosting.Lifetime"] = "Warning" },
            },
            ["Gateway"] = new JsonObject
            {
                ["DefaultProvider"] = providerName,
                ["Idempotency"] = new JsonObject { ["MaxEntries"] = Math.Max(messages * 2, 1000) },
                ["Providers"] = new JsonObject { [providerName] = provider },
            },
            ["Messaging"] = new JsonObject
            {
                ["Transport"] = "RabbitMq",
                ["SendMessage"] = new JsonObject { ["PrefetchCount"] = prefetchCount, ["ConcurrentMessageLimit"] = concurrentMessageLimit },
            },
            ["RabbitMq"] = new JsonObject
            {
                ["Host"] = "127.0.0.1",
                ["Port"] = rabbitMqPort,
                ["VirtualHost"] = virtualHost,
                ["Username"] = "guest",
                ["Password"] = "guest",

                // The driver declares the queue (a classic durable one, for all three consumers alike) before it prefills it.
                ["QuorumQueues"] = false,
            },
        };
        foreach (var setting in extra)
        {
            var split = setting.IndexOf('=', StringComparison.Ordinal);
            var keys = setting[..split].Split(':');
            var node = configuration;
            foreach (var key in keys[..^1])
            {
                if (node[key] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[key] = child;
                }

                node = child;
            }

            node[keys[^1]] = setting[(split + 1)..];
        }

        File.WriteAllText(path, configuration.ToJsonString(Indented));
    }
}
