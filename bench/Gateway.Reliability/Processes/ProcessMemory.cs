using System.Globalization;

namespace Gateway.Reliability.Processes;

/// <summary>A process's resident memory from <c>/proc/PID/status</c>: now (<c>VmRSS</c>) and its peak so far (<c>VmHWM</c>).</summary>
internal readonly record struct ProcessMemory(long RssKiB, long PeakRssKiB)
{
    public double RssMiB => RssKiB / 1024.0;

    public double PeakRssMiB => PeakRssKiB / 1024.0;

    /// <summary>Reads the two values; null when the process is gone or the file is not there (not Linux).</summary>
    public static ProcessMemory? Read(int pid)
    {
        var file = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status";
        try
        {
            long rss = -1, peak = -1;
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = KiB(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = KiB(line);
                }
            }

            return rss < 0 || peak < 0 ? null : new ProcessMemory(rss, peak);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // "VmHWM:	  123456 kB"
    private static long KiB(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
}
