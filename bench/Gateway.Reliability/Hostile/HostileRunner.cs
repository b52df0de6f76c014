using System.Globalization;
using System.Text.Json;
using Gateway.Reliability.Bus;
using Gateway.Reliability.Processes;
using RabbitMQ.Client;

namespace Gateway.Reliability.Hostile;

/// <summary>
/// Publishes the hostile commands to <c>send-message</c> one at a time and waits (bounded) for each one's outcome
/// before the next: a <c>MessageSendFailed</c> event or a copy in <c>send-message_error</c>. One at a time, so every
/// outcome belongs to the command in flight (and is checked against it: the error queue keeps the
/// <c>x-reliability-case</c> header, an event names the messageId). A valid command follows them and must be delivered;
/// the worker's resident memory is read from <c>/proc</c> before and after.
/// </summary>
internal sealed class HostileRunner(int port, string virtualHost, BrokerMonitor monitor, ScenarioLog log, TimeProvider time)
{
    /// <summary>The header every hostile command carries: its case number.</summary>
    public const string CaseHeader = "x-reliability-case";

    /// <summary>How long one command may take to get its outcome (a 10 MB body included) before it counts as lost.</summary>
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How long the suite waits after an outcome for a second one of the same command (an event and an error-queue copy).</summary>
    private static readonly TimeSpan SecondRecordGrace = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    public async Task<IReadOnlyList<HostileCaseResult>> RunAsync(IReadOnlyList<HostileCase> cases, GatewayWorker worker, CancellationToken cancellationToken)
    {
        var results = new List<HostileCaseResult>(cases.Count);
        var ids = cases.Where(c => c.MessageId is not null).Select(c => c.MessageId!).ToHashSet(StringComparer.Ordinal);
        await using var connection = await BrokerConnections.Factory(port, virtualHost, "reliability-hostile").CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        foreach (var hostile in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await RunOneAsync(channel, hostile, ids, worker, cancellationToken);
            result = result with { RssMiB = worker.Pid is { } pid ? ProcessMemory.Read(pid)?.RssMiB : null };
            results.Add(result);
            log.Write(string.Create(CultureInfo.InvariantCulture, $"  {hostile.Number,2} {hostile.Class,-10} {Cut(hostile.Name, 60),-60} -> {result.Outcome} {Cut(result.Observed, 70)}{(result.Passed ? string.Empty : "  MISSED: " + result.Miss)}"));
            if (!worker.Running)
            {
                log.Write("  the worker exited; see " + worker.LogFile);
                break;
            }
        }

        return results;
    }

    private async Task<HostileCaseResult> RunOneAsync(IChannel channel, HostileCase hostile, HashSet<string> ids, GatewayWorker worker, CancellationToken cancellationToken)
    {
        await monitor.CollectAsync(cancellationToken);
        var errorsBefore = monitor.ErrorRecords.Count;
        var outcomesBefore = monitor.OutcomeRecords.Count;
        var properties = new BasicProperties
        {
            ContentType = hostile.ContentType,
            DeliveryMode = DeliveryModes.Persistent,
            MessageId = Guid.NewGuid().ToString(),
            Headers = new Dictionary<string, object?> { [CaseHeader] = hostile.Number.ToString(CultureInfo.InvariantCulture) },
        };
        var started = time.GetTimestamp();
        using (var confirm = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            confirm.CancelAfter(TimeSpan.FromSeconds(30));
            await channel.BasicPublishAsync(string.Empty, Queues.SendMessage, mandatory: true, properties, hostile.Body, confirm.Token);
        }

        TimeSpan? firstAt = null;
        while (time.GetElapsedTime(started) < CaseTimeout && worker.Running)
        {
            await monitor.CollectAsync(cancellationToken);
            var arrived = monitor.ErrorRecords.Count > errorsBefore || monitor.OutcomeRecords.Count > outcomesBefore;
            if (arrived && firstAt is null)
            {
                firstAt = time.GetElapsedTime(started);
            }

            if (firstAt is { } first && time.GetElapsedTime(started) - first >= SecondRecordGrace)
            {
                break;
            }

            await Task.Delay(Poll, time, cancellationToken);
        }

        var errors = monitor.ErrorRecords.Skip(errorsBefore).ToArray();
        var outcomes = monitor.OutcomeRecords.Skip(outcomesBefore).ToArray();
        return Judge(hostile, errors, outcomes, ids, firstAt ?? time.GetElapsedTime(started));
    }

    private static HostileCaseResult Judge(HostileCase hostile, BrokerRecord[] errors, BrokerRecord[] outcomes, HashSet<string> ids, TimeSpan elapsed)
    {
        var misses = new List<string>();
        var observed = new List<string>();
        var kinds = new List<HostileOutcomeKind>();
        var number = hostile.Number.ToString(CultureInfo.InvariantCulture);
        foreach (var error in errors)
        {
            kinds.Add(HostileOutcomeKind.ErrorQueue);
            var reason = error.Header("MT-Fault-Message") ?? string.Empty;
            observed.Add($"{error.Header("MT-Fault-ExceptionType")}: {reason}");
            if (error.Header(CaseHeader) != number)
            {
                misses.Add($"an error-queue message of case {error.Header(CaseHeader) ?? "(no case header)"} arrived while it was in flight");
            }

            if (reason.Length == 0)
            {
                misses.Add("the error-queue copy has no MT-Fault-Message");
            }
            else if (hostile.Expected is { Kind: HostileOutcomeKind.ErrorQueue, Reason: { Length: > 0 } fragment } && !reason.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                misses.Add($"the reason does not mention \"{fragment}\"");
            }
        }

        foreach (var outcome in outcomes)
        {
            var (kind, messageId, details, code) = ReadEvent(outcome);
            kinds.Add(kind);
            var shown = string.Join("; ", details.Take(3)) + (details.Count > 3 ? $"; ... ({details.Count} details)" : string.Empty);
            var size = outcome.Body.Length > 64 * 1024 ? string.Create(CultureInfo.InvariantCulture, $" (event of {outcome.Body.Length} bytes)") : string.Empty;
            observed.Add(kind == HostileOutcomeKind.Failed ? $"{code}: {shown}{size}" : "sent");
            if (hostile.MessageId is { } expectedId ? messageId != expectedId : messageId is not null && ids.Contains(messageId))
            {
                misses.Add($"an event for messageId '{Cut(messageId ?? "(none)", 40)}' arrived while it was in flight");
            }

            if (kind == HostileOutcomeKind.Failed && hostile.Expected is { Kind: HostileOutcomeKind.Failed, Field: { } field, Rule: { } rule }
                && !details.Contains($"{field} {rule}", StringComparer.OrdinalIgnoreCase))
            {
                misses.Add($"error.details do not name {field} {rule}");
            }
        }

        var outcomeKind = kinds.Count == 0 ? HostileOutcomeKind.None : kinds[0];
        if (kinds.Count == 0)
        {
            misses.Add($"no outcome within {CaseTimeout.TotalSeconds:0} s (lost, or the worker is stuck)");
        }
        else if (kinds.Count > 1)
        {
            misses.Add($"{kinds.Count} outcomes ({string.Join(", ", kinds)})");
        }
        else if (outcomeKind != hostile.Expected.Kind)
        {
            misses.Add($"expected {hostile.Expected}");
        }

        return new HostileCaseResult
        {
            Case = hostile,
            Outcome = outcomeKind,
            Observed = string.Join(" | ", observed),
            Records = kinds.Count,
            Elapsed = elapsed,
            Miss = misses.Count == 0 ? null : string.Join("; ", misses),
        };
    }

    /// <summary>Reads an outcome event (MassTransit envelope: the event under <c>message</c>): kind, messageId, <c>field rule</c> pairs, error code.</summary>
    private static (HostileOutcomeKind Kind, string? MessageId, IReadOnlyList<string> Details, string Code) ReadEvent(BrokerRecord record)
    {
        var kind = record.Exchange == Queues.MessageSendFailedExchange ? HostileOutcomeKind.Failed : HostileOutcomeKind.Sent;
        try
        {
            using var document = JsonDocument.Parse(record.Body);
            var message = document.RootElement.TryGetProperty("message", out var inner) ? inner : document.RootElement;
            var messageId = message.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            if (kind != HostileOutcomeKind.Failed || !message.TryGetProperty("error", out var error))
            {
                return (kind, messageId, [], string.Empty);
            }

            var code = error.TryGetProperty("code", out var c) ? c.ToString() : "?";
            var details = new List<string>();
            if (error.TryGetProperty("details", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var detail in list.EnumerateArray())
                {
                    details.Add($"{(detail.TryGetProperty("field", out var f) ? f.GetString() : "?")} {(detail.TryGetProperty("rule", out var r) ? r.GetString() : "?")}");
                }
            }

            return (kind, messageId, details, code);
        }
        catch (JsonException)
        {
            return (kind, null, ["(unreadable event)"], "?");
        }
    }

    public static string Cut(string text, int length)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }
}
