using System.Diagnostics;
using System.Diagnostics.Metrics;
using Gateway.Core.Contracts;

namespace Gateway.Core.Diagnostics;

/// <summary>
/// The gateway's instruments on the <c>MessagingGateway</c> meter. One instance per process (registered by
/// <c>AddMessagingGateway</c>); adapters record their rate-limit waits and retries here so every number has one home.
/// </summary>
public sealed class GatewayMetrics
{
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _sendDuration;
    private readonly Histogram<double> _rateLimitWait;
    private readonly Counter<long> _retries;

    /// <summary>Initializes a new instance of the <see cref="GatewayMetrics"/> class.</summary>
    /// <param name="meterFactory">The host's meter factory, or <see langword="null"/> to create the meter directly.</param>
    public GatewayMetrics(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(GatewayDiagnostics.MeterName) ?? new Meter(GatewayDiagnostics.MeterName);
        _sent = meter.CreateCounter<long>("messaging_gateway.messages.sent", "{message}", "Messages at least one recipient got.");
        _failed = meter.CreateCounter<long>("messaging_gateway.messages.failed", "{message}", "Messages nobody got, by error code.");
        _sendDuration = meter.CreateHistogram<double>("messaging_gateway.send.duration", "s", "Time from receiving a send to its outcome.");
        _rateLimitWait = meter.CreateHistogram<double>("messaging_gateway.rate_limit.wait", "s", "Time spent waiting for a rate-limit permit.");
        _retries = meter.CreateCounter<long>("messaging_gateway.retries", "{retry}", "Provider calls repeated after a transient failure.");
    }

    /// <summary>Records a successful send.</summary>
    /// <param name="provider">The provider instance.</param>
    /// <param name="duration">How long it took.</param>
    public void MessageSent(string provider, TimeSpan duration)
    {
        var tags = new TagList { { "provider", provider } };
        _sent.Add(1, tags);
        tags.Add("outcome", "sent");
        _sendDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Records a failed send.</summary>
    /// <param name="provider">The provider instance, or <see langword="null"/> when the message failed before routing.</param>
    /// <param name="code">The error code.</param>
    /// <param name="duration">How long it took.</param>
    public void MessageFailed(string? provider, GatewayErrorCode code, TimeSpan duration)
    {
        var tags = new TagList { { "provider", provider ?? "none" }, { "code", code.ToString() } };
        _failed.Add(1, tags);
        tags.Add("outcome", "failed");
        _sendDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>Records time spent waiting for a rate-limit permit.</summary>
    /// <param name="provider">The provider instance.</param>
    /// <param name="limiter">The limiter, for example <c>sendmsg</c> or <c>group</c>.</param>
    /// <param name="wait">How long the caller waited.</param>
    public void RateLimitWaited(string provider, string limiter, TimeSpan wait) =>
        _rateLimitWait.Record(wait.TotalSeconds, new TagList { { "provider", provider }, { "limiter", limiter } });

    /// <summary>Records one retry of a provider call.</summary>
    /// <param name="provider">The provider instance.</param>
    /// <param name="reason">Why, for example <c>http_503</c>, <c>timeout</c> or <c>token_refresh</c>.</param>
    public void Retried(string provider, string reason) =>
        _retries.Add(1, new TagList { { "provider", provider }, { "reason", reason } });
}
