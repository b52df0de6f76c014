namespace Gateway.Redis;

/// <summary>
/// Settings of the Redis stores. The connection string is <c>ConnectionStrings:Redis</c> (environment variable
/// <c>ConnectionStrings__Redis</c>); the rest is optional tuning under <c>Gateway:Redis</c>.
/// </summary>
/// <remarks>
/// <para>Keys written (all under <see cref="KeyPrefix"/>, default <c>mg:</c>):</para>
/// <list type="bullet">
/// <item><description><c>mg:idem:&lt;key&gt;</c> — a string: <c>claim:&lt;token&gt;</c> with the claim's lease as expiry, or
/// <c>done:&lt;outcome&gt;</c> with <c>Gateway:Idempotency:TimeToLive</c> as expiry.</description></item>
/// <item><description><c>mg:rate:&lt;quota key&gt;:&lt;window length in ms&gt;</c> — a hash: <c>w</c> the current window's index
/// (Redis server time in ms divided by the length), <c>c</c> the permits granted in it; it expires one window after
/// the current one ends.</description></item>
/// </list>
/// </remarks>
public sealed class RedisStoreOptions
{
    /// <summary>The configuration section of the optional settings.</summary>
    public const string SectionName = "Gateway:Redis";

    /// <summary>The name of the connection string (<c>ConnectionStrings:Redis</c>).</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>The full configuration key of the connection string, as error messages name it.</summary>
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;

    /// <summary>
    /// Gets or sets the StackExchange.Redis configuration string, for example
    /// <c>redis.internal:6379,password=…,ssl=true,asyncTimeout=2000</c>.
    /// </summary>
    /// <value>
    /// Bound from <c>ConnectionStrings:Redis</c>; required when a gateway store is <c>Redis</c>. <c>abortConnect</c> is
    /// always turned off (the worker must reconnect by itself after an outage); <c>asyncTimeout</c> (default 5 s) bounds
    /// how long one store operation waits while Redis is unreachable.
    /// </value>
    public string? ConnectionString { get; set; }

    /// <summary>Gets or sets the prefix of every key the stores write (several gateways or environments may share one Redis).</summary>
    /// <value>The default is <c>mg:</c>.</value>
    public string KeyPrefix { get; set; } = "mg:";

    /// <summary>
    /// Gets or sets how long the worker waits at start for Redis to answer before it fails (before the bus starts),
    /// when a gateway store is <c>Redis</c>.
    /// </summary>
    /// <value>The default is 10 seconds.</value>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets the most rate-limit permits a worker leases ahead in one Redis call, to keep round trips low. The block
    /// is also at most 5 % of the window's limit (a quota of 20 or fewer per window is taken one permit at a time). A
    /// worker that dies holding a block loses at most that block for the rest of that window: capacity, never a quota
    /// overrun.
    /// </summary>
    /// <value>The default is 10 (a 200-per-second quota is taken in blocks of 10: about 20 Redis calls per second in all).</value>
    public int PermitBlockSize { get; set; } = 10;
}
