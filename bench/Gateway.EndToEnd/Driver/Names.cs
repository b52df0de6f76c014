namespace Gateway.EndToEnd.Driver;

/// <summary>Command-line and report names of scenarios and consumers.</summary>
internal static class Names
{
    public static readonly ConsumerKind[] AllConsumers = [ConsumerKind.Raw, ConsumerKind.MassTransit, ConsumerKind.Gateway];

    public static readonly ScenarioKind[] AllScenarios =
        [ScenarioKind.Saturated, ScenarioKind.Paced, ScenarioKind.SlowProvider, ScenarioKind.TencentQuota, ScenarioKind.TencentBatch, ScenarioKind.TencentGroup];

    /// <summary>Gets whether a scenario runs against the Tencent emulator (the gateway only: the peers have no Tencent client).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns><see langword="true"/> for the tencent-* scenarios.</returns>
    public static bool IsTencent(ScenarioKind scenario) => scenario is ScenarioKind.TencentQuota or ScenarioKind.TencentBatch or ScenarioKind.TencentGroup;

    public static string Of(ConsumerKind consumer) => consumer switch
    {
        ConsumerKind.Raw => "raw",
        ConsumerKind.MassTransit => "masstransit",
        ConsumerKind.Gateway => "gateway",
        _ => throw new ArgumentOutOfRangeException(nameof(consumer)),
    };

    public static string Of(ScenarioKind scenario) => scenario switch
    {
        ScenarioKind.Saturated => "saturated",
        ScenarioKind.Paced => "paced",
        ScenarioKind.SlowProvider => "slow-provider",
        ScenarioKind.TencentQuota => "tencent-quota",
        ScenarioKind.TencentBatch => "tencent-batch",
        ScenarioKind.TencentGroup => "tencent-group",
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    /// <summary>Parses a comma-separated list of names.</summary>
    /// <typeparam name="T">Scenario or consumer kind.</typeparam>
    /// <param name="text">The list, for example <c>raw,gateway</c>.</param>
    /// <param name="all">Every value, in report order.</param>
    /// <param name="name">Names a value.</param>
    /// <returns>The values in report order, or <see langword="null"/> when a name is unknown or the list is empty.</returns>
    public static IReadOnlyList<T>? ParseList<T>(string text, IReadOnlyList<T> all, Func<T, string> name)
    {
        var wanted = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (wanted.Length == 0 || wanted.Any(w => !all.Any(a => string.Equals(name(a), w, StringComparison.OrdinalIgnoreCase))))
        {
            return null;
        }

        return all.Where(a => wanted.Contains(name(a), StringComparer.OrdinalIgnoreCase)).ToArray();
    }
}
