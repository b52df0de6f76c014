using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Gateway.Core.Diagnostics;

namespace Gateway.Host.Diagnostics;

/// <summary>
/// Collects the <c>MessagingGateway</c> meter's measurements in process and writes them in the Prometheus text format
/// (counters as <c>_total</c>, histograms as buckets, sum and count). Enough for a scrape; no extra package needed.
/// </summary>
internal sealed class PrometheusMetrics : IDisposable
{
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(Instrument Instrument, string Labels), Series> _series = new();

    public PrometheusMetrics()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    public string WriteText()
    {
        var text = new StringBuilder();
        foreach (var group in _series.GroupBy(s => s.Key.Instrument).OrderBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            var instrument = group.Key;
            var name = MetricName(instrument);
            var isHistogram = instrument is Histogram<double> or Histogram<long> or Histogram<int>;
            var exposed = isHistogram ? name : instrument.GetType().Name.StartsWith("Counter", StringComparison.Ordinal) ? name + "_total" : name;
            text.Append("# HELP ").Append(exposed).Append(' ').AppendLine(instrument.Description ?? instrument.Name);
            text.Append("# TYPE ").Append(exposed).Append(' ').AppendLine(isHistogram ? "histogram" : exposed.EndsWith("_total", StringComparison.Ordinal) ? "counter" : "gauge");
            foreach (var ((_, labels), series) in group.OrderBy(s => s.Key.Labels, StringComparer.Ordinal))
            {
                lock (series)
                {
                    if (!isHistogram)
                    {
                        text.Append(exposed).Append(Braces(labels)).Append(' ').AppendLine(Number(series.Sum));
                        continue;
                    }

                    long cumulative = 0;
                    for (var i = 0; i < Buckets.Length; i++)
                    {
                        cumulative += series.BucketCounts[i];
                        text.Append(name).Append("_bucket").Append(Braces(Join(labels, $"le=\"{Number(Buckets[i])}\""))).Append(' ').AppendLine(Number(cumulative));
                    }

                    text.Append(name).Append("_bucket").Append(Braces(Join(labels, "le=\"+Inf\""))).Append(' ').AppendLine(Number(series.Count));
                    text.Append(name).Append("_sum").Append(Braces(labels)).Append(' ').AppendLine(Number(series.Sum));
                    text.Append(name).Append("_count").Append(Braces(labels)).Append(' ').AppendLine(Number(series.Count));
                }
            }
        }

        return text.ToString();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = string.Join(',', tags.ToArray()
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => $"{Sanitize(t.Key)}=\"{Escape(Convert.ToString(t.Value, CultureInfo.InvariantCulture))}\""));
        var series = _series.GetOrAdd((instrument, labels), _ => new Series());
        lock (series)
        {
            series.Sum += value;
            series.Count++;
            var bucket = Array.FindIndex(Buckets, b => value <= b);
            if (bucket >= 0)
            {
                series.BucketCounts[bucket]++;
            }
        }
    }

    private static string MetricName(Instrument instrument)
    {
        var name = Sanitize(instrument.Name);
        return instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal) ? name + "_seconds" : name;
    }

    private static string Sanitize(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        return new string(chars);
    }

    private static string Escape(string? value) =>
        (value ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Join(string labels, string extra) => labels.Length == 0 ? extra : labels + "," + extra;

    private static string Braces(string labels) => labels.Length == 0 ? string.Empty : "{" + labels + "}";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class Series
    {
        public double Sum { get; set; }

        public long Count { get; set; }

        public long[] BucketCounts { get; } = new long[Buckets.Length];
    }
}
