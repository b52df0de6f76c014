using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.Host.Tests.Support;

/// <summary>Reads samples out of a Prometheus text exposition, whatever else the exporter adds to a line (scope labels, timestamps).</summary>
internal static partial class PrometheusText
{
    /// <summary>Gets the value of the sample named <paramref name="metric"/> that carries every given label, or null.</summary>
    public static double? Value(string exposition, string metric, params (string Name, string Value)[] labels)
    {
        foreach (Match match in Sample().Matches(exposition))
        {
            if (match.Groups["name"].Value != metric)
            {
                continue;
            }

            var present = Label().Matches(match.Groups["labels"].Value).ToDictionary(l => l.Groups["key"].Value, l => l.Groups["value"].Value);
            if (labels.All(l => present.TryGetValue(l.Name, out var value) && value == l.Value))
            {
                return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Sample();

    [GeneratedRegex("(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
