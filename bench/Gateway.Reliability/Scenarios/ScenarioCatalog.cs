using Gateway.Reliability.FakeProvider;

namespace Gateway.Reliability.Scenarios;

/// <summary>The scenarios of issue 9 (a–i). Each fault starts at 40 % of the publishing time, while commands are in flight.</summary>
internal static class ScenarioCatalog
{
    /// <summary>Gets how long the broker stays down after a kill -9 before it is started again.</summary>
    private static readonly TimeSpan DownTime = TimeSpan.FromSeconds(3);

    /// <summary>Gets the outage of the (c) scenarios.</summary>
    private static readonly TimeSpan ShortOutage = TimeSpan.FromSeconds(30);

    public static IReadOnlyList<Scenario> All { get; } =
    [
        BrokerRestart("a-graceful-1w", workers: 1, crash: false),
        BrokerRestart("a-graceful-2w", workers: 2, crash: false),
        BrokerRestart("a-kill9-1w", workers: 1, crash: true),
        BrokerRestart("a-kill9-2w", workers: 2, crash: true),
        WorkerKill("b-openim", GatewayConfiguration.OpenIm),
        WorkerKill("b-tencent", GatewayConfiguration.Tencent),
        Outage("c-http503", FaultMode.Http503, "HTTP 503"),
        Outage("c-errcode500", FaultMode.ErrCode500, "errCode 500 in HTTP 200"),
        Outage("c-hang", FaultMode.Hang, "requests hang past the 10 s attempt timeout"),
        Outage("c-reset", FaultMode.Reset, "connections reset"),
        Outage("c-late", FaultMode.Late, "late answers (accepted, answered after 12 s)") with { Duplicates = DuplicateTarget.OneExtraPerBusAttempt },
        // Tencent: the resends after a late answer are byte-identical within 120 s, so its dedup must absorb all of them.
        Outage("c-late-tencent", FaultMode.Late, "late answers (accepted, answered after 12 s)") with { Provider = GatewayConfiguration.Tencent },
        TokensRejected("d-openim", GatewayConfiguration.OpenIm, "admin token rejected (errCode 1501) mid-run"),
        TokensRejected("d-tencent", GatewayConfiguration.Tencent, "UserSig rejected (70001) mid-run"),
        SharedStoreWorkerKill("e-openim", GatewayConfiguration.OpenIm),
        SharedStoreWorkerKill("e-tencent", GatewayConfiguration.Tencent),
        HostCrash("f-openim", GatewayConfiguration.OpenIm),
        HostCrash("f-tencent", GatewayConfiguration.Tencent),
        new Scenario
        {
            Id = "g-redis-restart",
            Description = "two workers on the Redis store; Redis restarted mid-run (graceful shutdown, down 3 s, AOF kept)",
            Workers = 2,
            UsesRedis = true,
            Fault = async context =>
            {
                context.Log.Write("  Redis: shutdown");
                await context.Redis.ShutdownAsync(context.CancellationToken);
                await Task.Delay(DownTime, context.Time, context.CancellationToken);
                await context.Redis.ResumeAsync(context.CancellationToken);
                context.Log.Write("  Redis: back");
            },
        },
        new Scenario
        {
            Id = "h-rejected",
            Description = "10 % of the commands invalid (empty text) or malformed (cut-off JSON)",
            RejectedFraction = 0.10,
            Fault = _ => Task.CompletedTask,
        },
        new Scenario
        {
            Id = "h-hostile",
            Description = "the commands a careless or hostile publisher sends (wrong JSON types, 10 MB bodies, deep nesting, invalid UTF-8, 10,000 recipients, nulls, unknown enums, foreign MassTransit envelopes, ...), one at a time, then a valid one",
            Hostile = true,
            Short = true,
            Fault = _ => Task.CompletedTask,
        },
        new Scenario
        {
            Id = "i-outage-10min",
            Description = "a 10-minute provider outage (HTTP 503)",
            Duplicates = DuplicateTarget.NotChecked,
            SettleTimeout = TimeSpan.FromMinutes(25),
            FullOnly = true,
            Fault = context => context.ProviderOutageAsync(FaultMode.Http503, TimeSpan.FromMinutes(10)),
        },
    ];

    /// <summary>What <c>--short</c> runs (CI): broker restarts, worker kills, and the shared store under a worker kill (plus the scenarios marked <see cref="Scenario.Short"/>: h-hostile).</summary>
    public static IReadOnlySet<char> ShortGroups { get; } = new HashSet<char> { 'a', 'b', 'e' };

    private static Scenario BrokerRestart(string id, int workers, bool crash) => new()
    {
        Id = id,
        Description = $"broker {(crash ? "killed with SIGKILL and started again" : "restarted gracefully")} mid-run, {workers} worker(s){(workers > 1 ? " on the Redis store" : string.Empty)}",
        Workers = workers,

        // Several workers on one queue is a deployment the gateway supports only with the shared store (README, "Scale
        // out"): with a store per process, a command redelivered to the other worker after the restart is sent again.
        UsesRedis = workers > 1,
        Fault = async context =>
        {
            if (crash)
            {
                context.Log.Write("  broker: kill -9");
                await context.Broker.Kill9Async(context.CancellationToken);
                await Task.Delay(DownTime, context.Time, context.CancellationToken);
                context.Log.Write("  broker: start (data kept)");
                await context.Broker.ResumeAsync(context.CancellationToken);
            }
            else
            {
                context.Log.Write("  broker: graceful restart");
                await context.Broker.RestartAsync(context.CancellationToken);
            }

            context.Log.Write("  broker: up");
        },
    };

    private static Scenario WorkerKill(string id, string provider) => new()
    {
        Id = id,
        Description = "the worker killed with SIGKILL mid-run, then started again",
        Provider = provider,
        Duplicates = DuplicateTarget.InFlightAtKill,
        Fault = async context =>
        {
            await context.CrashAsync([0], withBroker: false);
            await Task.Delay(DownTime, context.Time, context.CancellationToken);
            await context.StartWorkerAsync(0);
        },
    };

    private static Scenario Outage(string id, FaultMode mode, string what) => new()
    {
        Id = id,
        Description = $"a {ShortOutage.TotalSeconds:0} s provider outage: {what}",
        Fault = context => context.ProviderOutageAsync(mode, ShortOutage),
    };

    private static Scenario TokensRejected(string id, string provider, string what) => new()
    {
        Id = id,
        Description = what + "; credentials issued afterwards work",
        Provider = provider,
        RequiresCredentialRejection = true,
        Fault = async context =>
        {
            // The credential must exist before the switch, or nothing is rejected (a cold worker can take longer than
            // 40 % of the publishing time for its first send): wait, bounded, for the first accepted send; a UserSig's
            // TLS.time has whole seconds, so the switch also comes a second after it.
            await context.WaitForFirstDeliveryAsync(TimeSpan.FromMinutes(1));
            await Task.Delay(TimeSpan.FromSeconds(1.1), context.Time, context.CancellationToken);
            await context.Provider.SetModeAsync(FaultMode.TokensRejected, context.CancellationToken);
            context.Log.Write("  provider: every credential issued before now is rejected");
        },
    };

    private static Scenario SharedStoreWorkerKill(string id, string provider) => new()
    {
        Id = id,
        Description = "two workers on one queue with the Redis store; one killed with SIGKILL mid-run, then started again",
        Provider = provider,
        Workers = 2,
        UsesRedis = true,
        Duplicates = DuplicateTarget.InFlightAtKill,
        Fault = async context =>
        {
            await context.CrashAsync([0], withBroker: false);
            await Task.Delay(DownTime, context.Time, context.CancellationToken);
            await context.StartWorkerAsync(0);
        },
    };

    private static Scenario HostCrash(string id, string provider) => new()
    {
        Id = id,
        Description = "host crash: broker and worker killed with SIGKILL together, both started again",
        Provider = provider,
        Duplicates = DuplicateTarget.InFlightAtKill,
        Fault = async context =>
        {
            await context.CrashAsync([0], withBroker: true);
            await Task.Delay(DownTime, context.Time, context.CancellationToken);
            context.Log.Write("  broker: start (data kept)");
            await context.Broker.ResumeAsync(context.CancellationToken);
            await context.StartWorkerAsync(0);
        },
    };
}
