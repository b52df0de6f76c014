namespace Gateway.EndToEnd.Driver;

/// <summary>The three load shapes.</summary>
internal enum ScenarioKind
{
    /// <summary>N commands prefilled while no consumer runs; the consumer drains them (provider answers at once).</summary>
    Saturated,

    /// <summary>A fixed publish rate into a running consumer; publish-to-provider latency is the point.</summary>
    Paced,

    /// <summary>Saturated, with a fixed provider latency: throughput against the Little's-law bound.</summary>
    SlowProvider,
}
