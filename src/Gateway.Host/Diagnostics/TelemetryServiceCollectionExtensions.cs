using Gateway.Core.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gateway.Host.Diagnostics;

/// <summary>
/// OpenTelemetry for the worker: metrics from the gateway's meter, MassTransit, Polly, HttpClient and the runtime
/// (durations in seconds, with explicit second buckets), scraped in Prometheus text on <c>/metrics</c>. Metrics, and traces
/// (the gateway's activity source joined to MassTransit's consume span and HttpClient's outgoing span), are exported over
/// OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
/// <c>OTEL_SERVICE_NAME</c> and the other standard variables, which the SDK reads itself).
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> is not set.</summary>
    public const string DefaultServiceName = "messaging-gateway";

    /// <summary>The meters besides the gateway's that the worker collects.</summary>
    public static readonly string[] OtherMeters = ["MassTransit", "Polly", "System.Net.Http"];

    public static IServiceCollection AddGatewayTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var builder = services.AddOpenTelemetry();
        builder
            .ConfigureResource(resource => resource.AddService(DefaultServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GatewayDiagnostics.MeterName)
                    .AddMeter(OtherMeters)
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()

                    // OpenTelemetry's default buckets are shaped for milliseconds; every duration here is in seconds.
                    .AddView(instrument => instrument is System.Diagnostics.Metrics.Histogram<double> { Unit: "s" }
                        ? new ExplicitBucketHistogramConfiguration { Boundaries = [.. GatewayMetrics.DurationBuckets] }
                        : null)
                    .AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            // Spans are recorded only when they go somewhere: without an exporter no listener is registered, so MassTransit,
            // HttpClient and the gateway skip creating activities at all (measured in docs/benchmarks.md).
            builder.WithTracing(tracing => tracing
                .AddSource(GatewayDiagnostics.ActivitySourceName, "MassTransit")
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        }

        return services;
    }
}
