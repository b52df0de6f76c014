namespace Gateway.EndToEnd.Report;

/// <summary>Medians, ranges and percentiles.</summary>
internal static class Statistics
{
    /// <summary>Nearest-rank percentile of sorted values.</summary>
    /// <param name="sorted">Ascending values (not empty).</param>
    /// <param name="fraction">0..1.</param>
    /// <returns>The value.</returns>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted[(int)Math.Clamp(Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Median (mean of the middle two for an even count).</summary>
    /// <param name="values">The values (not empty).</param>
    /// <returns>The median.</returns>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
