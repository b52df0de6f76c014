using System.Globalization;

namespace Gateway.EndToEnd.Driver;

/// <summary>Per-process figures from <c>/proc</c>: CPU time (utime + stime, all threads) and peak RSS (VmHWM).</summary>
internal static class ProcessStats
{
    /// <summary>Reads utime + stime of a process in clock ticks.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>The ticks.</returns>
    public static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");

        // The command name (field 2) may contain spaces and parentheses: fields after it start past the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

        // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>Reads the peak resident set size of a process.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>VmHWM in KiB.</returns>
    public static long PeakRssKiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{pid}/status has no VmHWM");
    }

    /// <summary>Reads the clock-tick rate the kernel reports CPU times in.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><c>getconf CLK_TCK</c>.</returns>
    public static async Task<int> ClockTicksPerSecondAsync(CancellationToken cancellationToken)
    {
        var text = await ToolProcess.RunAsync("getconf", ["CLK_TCK"], workingDirectory: null, TimeSpan.FromSeconds(10), cancellationToken);
        return int.Parse(text.Trim(), CultureInfo.InvariantCulture);
    }
}
