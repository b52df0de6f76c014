using System.Globalization;

namespace Gateway.Reliability;

/// <summary>Timestamped progress lines, on standard error (the report goes to standard output) and into the run's log file.</summary>
internal sealed class ScenarioLog(string file, TimeProvider time)
{
    private readonly Lock _gate = new();

    public string File => file;

    public void Write(string line)
    {
        var stamped = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():HH:mm:ss.f} {line}");
        lock (_gate)
        {
            Console.Error.WriteLine(stamped);
            System.IO.File.AppendAllText(file, stamped + Environment.NewLine);
        }
    }
}
