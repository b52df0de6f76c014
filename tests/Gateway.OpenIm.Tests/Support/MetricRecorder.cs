using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.OpenIm.Tests.Support;

/// <summary>Records the gateway's measurements of one service provider (its meter factory), so parallel tests do not mix.</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];

    public MetricRecorder(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i.Name, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i.Name, v, t));
        _listener.Start();
    }

    public IReadOnlyList<(string Instrument, double Value, Dictionary<string, object?> Tags)> Measurements
    {
        get
        {
            lock (_lock)
            {
                return [.. _measurements];
            }
        }
    }

    public IReadOnlyList<string?> Tag(string instrument, string tag) =>
        [.. Measurements.Where(m => m.Instrument == instrument).Select(m => m.Tags.GetValueOrDefault(tag)?.ToString())];

    public void Dispose() => _listener.Dispose();

    private void Record(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_lock)
        {
            _measurements.Add((instrument, value, copy));
        }
    }
}
