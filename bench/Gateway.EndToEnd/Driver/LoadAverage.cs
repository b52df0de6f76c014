namespace Gateway.EndToEnd.Driver;

/// <summary>The machine's load average, for the report: the noise every process of a run shares the cores with.</summary>
internal static class LoadAverage
{
    /// <summary>Reads the 1, 5 and 15 minute load averages from <c>/proc/loadavg</c>.</summary>
    /// <returns>For example <c>8.49 8.46 9.07</c>, or <c>?</c> where there is no such file.</returns>
    public static string Read()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length >= 3 ? string.Join(' ', fields[..3]) : "?";
        }
        catch (IOException)
        {
            return "?";
        }
        catch (UnauthorizedAccessException)
        {
            return "?";
        }
    }
}
