using Gateway.EndToEnd.Driver;

namespace Gateway.EndToEnd.Cli;

/// <summary>The driver's settings, from its command line.</summary>
internal sealed record BenchmarkSettings
{
    public required int RabbitMqPort { get; init; }

    public required string RepositoryRoot { get; init; }

    public required string GatewayDll { get; init; }

    /// <summary>Gets N, the prefilled commands of the saturated and slow-provider scenarios.</summary>
    public required int Messages { get; init; }

    public required int Rounds { get; init; }

    public required int PacedRate { get; init; }

    public required int PacedSeconds { get; init; }

    public required TimeSpan SlowLatency { get; init; }

    public required int PrefetchCount { get; init; }

    public required int ConcurrentMessageLimit { get; init; }

    /// <summary>Gets how many commands each run lets through before the measurement window opens.</summary>
    public required int Warmup { get; init; }

    /// <summary>Gets how long one run may take after its consumer started.</summary>
    public required TimeSpan RunTimeout { get; init; }

    public required IReadOnlyList<ScenarioKind> Scenarios { get; init; }

    public required IReadOnlyList<ConsumerKind> Consumers { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>Gets the command line shown in the report.</summary>
    public required string CommandLine { get; init; }

    /// <summary>Gets the Tencent scenarios' shape (publish rates, measured windows, batch size).</summary>
    public TencentSettings Tencent { get; init; } = new();

    /// <summary>Gets extra gateway configuration values (<c>Key:Path=value</c>), written over the generated file.</summary>
    public IReadOnlyList<string> GatewaySettings { get; init; } = [];

    /// <summary>Gets how many commands a scenario publishes.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>N, rate × duration when paced, or what a Tencent scenario publishes.</returns>
    public int MessagesOf(ScenarioKind scenario) => scenario switch
    {
        ScenarioKind.Paced => PacedRate * PacedSeconds,
        ScenarioKind.TencentQuota or ScenarioKind.TencentBatch or ScenarioKind.TencentGroup => Tencent.MessagesOf(scenario),
        _ => Messages,
    };

    /// <summary>Gets the warm-up of a scenario: <see cref="Warmup"/>, at most half of its messages.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The warm-up count (at least 1).</returns>
    public int WarmupOf(ScenarioKind scenario) => Math.Clamp(Warmup, 1, Math.Max(1, MessagesOf(scenario) / 2));

    /// <summary>Gets the Little's-law bound of the slow-provider scenario: in-flight limit ÷ provider latency.</summary>
    public double LittleBound => Math.Min(PrefetchCount, ConcurrentMessageLimit) / SlowLatency.TotalSeconds;
}
