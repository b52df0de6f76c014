namespace Gateway.EndToEnd.Driver;

/// <summary>The load shapes: three against the fake OpenIM (every consumer), three against the Tencent emulator (the gateway only).</summary>
internal enum ScenarioKind
{
    /// <summary>N commands prefilled while no consumer runs; the consumer drains them (provider answers at once).</summary>
    Saturated,

    /// <summary>A fixed publish rate into a running consumer; publish-to-provider latency is the point.</summary>
    Paced,

    /// <summary>Saturated, with a fixed provider latency: throughput against the Little's-law bound.</summary>
    SlowProvider,

    /// <summary>One-recipient commands (sendmsg) published faster than Tencent's 200 requests/s: accepted per aligned second.</summary>
    TencentQuota,

    /// <summary>Many-recipient commands (batchsendmsg) prefilled beyond 12 000 recipients/min: recipients accepted per aligned minute.</summary>
    TencentBatch,

    /// <summary>Commands to one group (send_group_msg) published faster than 40/s: accepted per aligned second.</summary>
    TencentGroup,
}
