using System.Diagnostics;
using System.Diagnostics.Metrics;
using Gateway.Core.Contracts;

namespace Gateway.Core.Diagnostics;

/// <summary>
/// The gateway's instruments on the <c>MessagingGateway</c> meter, one instance per service provider (registered by
/// <c>AddMessagingGateway</c>). Each counts what its name says: a message counts once in <c>messages.sent</c> or
/// <c>messages.failed</c> (its final outcome), each provider call once in <c>provider.calls</c>, each repeat once in
/// <c>retries</c>. Adapters record their retries and rate-limit waits here.
/// </summary>
public sealed class GatewayMetrics
{
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _sendDuration;
    private readonly Histogram<double> _rateLimitWait;
    private readonly Counter<long> _retries;

    internal GatewayMetrics(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(GatewayDiagnostics.MeterName) ?? new Meter(GatewayDiagnostics.MeterName);
        _sent = meter.CreateCounter<long>("messaging_gateway.messages.sent", "{message}", "Messages at least one recipient got (final outcome).");
        _failed = meter.CreateCounter<long>("messaging_gateway.messages.failed", "{message}", "Messages nobody got (final outcome), by error code.");
        _duplicates = meter.CreateCounter<long>("messaging_gateway.messages.duplicate", "{message}", "Repeated message ids answered from the idempotency record; nothing sent.");
        _calls = meter.CreateCounter<long>("messaging_gateway.provider.calls", "{call}", "Provider calls (one per attempt of a message), by outcome: sent, failed, transient.");
        _sendDuration = meter.CreateHistogram<double>(
            "messaging_gateway.send.duration",
            "s",
            "Time of one attempt: from receiving the command to the provider's answer, by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _rateLimitWait = meter.CreateHistogram<double>(
            "messaging_gateway.rate_limit.wait",
            "s",
            "Time spent waiting for a rate-limit permit.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _retries = meter.CreateCounter<long>("messaging_gateway.retries", "{retry}", "Provider calls repeated after a transient failure, by where and why.");
    }

    /// <summary>Gets the histogram bucket boundaries, in seconds, of the gateway's duration instruments.</summary>
    public static IReadOnlyList<double> DurationBuckets { get; } = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    /// <summary>Records one retry of a provider call.</summary>
    /// <param name="provider">The provider instance.</param>
    /// <param name="reason">Why and where, for example <c>http_503</c>, <c>timeout</c>, <c>token_refresh</c> or <c>bus_redelivery</c>.</param>
    public void Retried(string provider, string reason) =>
        _retries.Add(1, new TagList { { GatewayDiagnostics.ProviderTag, provider }, { "reason", reason } });

    /// <summary>Records time spent waiting for a rate-limit permit.</summary>
    /// <param name="provider">The provider instance.</param>
    /// <param name="limiter">The limiter, for example <c>sendmsg</c> or <c>group</c>.</param>
    /// <param name="wait">How long the caller waited.</param>
    public void RateLimitWaited(string provider, string limiter, TimeSpan wait) =>
        _rateLimitWait.Record(wait.TotalSeconds, new TagList { { GatewayDiagnostics.ProviderTag, provider }, { "limiter", limiter } });

    internal void MessageSent(string provider) => _sent.Add(1, new TagList { { GatewayDiagnostics.ProviderTag, provider } });

    internal void MessageFailed(string? provider, GatewayErrorCode code) =>
        _failed.Add(1, new TagList { { GatewayDiagnostics.ProviderTag, provider ?? "none" }, { "code", code.ToString() } });

    internal void Duplicate(string provider) => _duplicates.Add(1, new TagList { { GatewayDiagnostics.ProviderTag, provider } });

    /// <summary>Records one provider call and how long the attempt took, by result: <c>sent</c>, <c>failed</c> or <c>transient</c>.</summary>
    internal void ProviderCalled(string provider, string result, TimeSpan duration)
    {
        var tags = new TagList { { GatewayDiagnostics.ProviderTag, provider }, { "outcome", result } };
        _calls.Add(1, tags);
        _sendDuration.Record(duration.TotalSeconds, tags);
    }
}
