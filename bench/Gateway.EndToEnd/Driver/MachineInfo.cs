using System.Runtime.InteropServices;

namespace Gateway.EndToEnd.Driver;

/// <summary>What the report says about the machine.</summary>
internal sealed record MachineInfo
{
    public required int ProcessorCount { get; init; }

    public required string CpuModel { get; init; }

    public required string MemoryTotal { get; init; }

    public required string DotnetSdk { get; init; }

    public required string Runtime { get; init; }

    public required string OperatingSystem { get; init; }

    /// <summary>Gets the load average (1, 5, 15 min) when the benchmark started.</summary>
    public required string LoadAtStart { get; init; }

    public static async Task<MachineInfo> CollectAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var sdk = await ToolProcess.RunAsync(DotnetHost.Path, ["--version"], repositoryRoot, TimeSpan.FromSeconds(30), cancellationToken);
        return new MachineInfo
        {
            ProcessorCount = Environment.ProcessorCount,
            CpuModel = ProcLine("/proc/cpuinfo", "model name") ?? "unknown",
            MemoryTotal = MemoryText(ProcLine("/proc/meminfo", "MemTotal")),
            DotnetSdk = sdk.Trim(),
            Runtime = RuntimeInformation.FrameworkDescription,
            OperatingSystem = RuntimeInformation.OSDescription,
            LoadAtStart = LoadAverage.Read(),
        };
    }

    // "24684084 kB" -> "23.5 GiB"
    private static string MemoryText(string? line) =>
        line is not null && long.TryParse(line.Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var kib)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{kib / 1024d / 1024d:0.0} GiB")
            : "unknown";

    private static string? ProcLine(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
