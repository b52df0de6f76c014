namespace Gateway.EndToEnd.Driver;

/// <summary>
/// The figures of one run (one consumer in one scenario in one round). Rates, CPU and latencies cover the measurement
/// window: from the arrival of the warm-up-th distinct message at the provider to the arrival of the last one.
/// </summary>
internal sealed record RunResult
{
    public required int Sequence { get; init; }

    public required int Round { get; init; }

    public required ScenarioKind Scenario { get; init; }

    public required ConsumerKind Consumer { get; init; }

    /// <summary>Gets how many commands were published.</summary>
    public required int Expected { get; init; }

    /// <summary>Gets how many distinct commands reached the provider.</summary>
    public int Distinct { get; init; }

    /// <summary>Gets how many provider requests repeated a command.</summary>
    public int Duplicates { get; init; }

    /// <summary>Gets how many commands the window covers.</summary>
    public int WindowMessages { get; init; }

    public double MessagesPerSecond { get; init; }

    /// <summary>Gets the consumer's CPU time (user + system) per message inside the window.</summary>
    public double CpuMicrosecondsPerMessage { get; init; }

    /// <summary>Gets the consumer's whole CPU time (start-up included) per published message.</summary>
    public double TotalCpuMicrosecondsPerMessage { get; init; }

    public double PeakRssMiB { get; init; }

    /// <summary>Gets the driver's CPU per message in the window (load generator and fake provider, for context).</summary>
    public double DriverCpuMicrosecondsPerMessage { get; init; } = double.NaN;

    /// <summary>Gets the RabbitMQ node's CPU per message in the window (NaN when its PID is unknown).</summary>
    public double BrokerCpuMicrosecondsPerMessage { get; init; } = double.NaN;

    /// <summary>Gets the publish-to-provider latency median of the messages after the warm-up.</summary>
    public double P50Milliseconds { get; init; }

    public double P99Milliseconds { get; init; }

    /// <summary>Gets the time from process start to the first provider request.</summary>
    public double StartupSeconds { get; init; }

    /// <summary>Gets the achieved publish rate (paced scenario) or prefill rate.</summary>
    public double PublishRate { get; init; }

    /// <summary>Gets why the run failed or was cut short, if it was.</summary>
    public string? Problem { get; init; }

    /// <summary>Gets a value indicating whether every command arrived and nothing went wrong.</summary>
    public bool Succeeded => Problem is null && Distinct == Expected;

    /// <summary>Gets a value indicating whether the figures can be used (a window was measured).</summary>
    public bool HasFigures => WindowMessages > 0 && Problem is null;
}
