using Gateway.EndToEnd.Report;

namespace Gateway.EndToEnd.Driver;

/// <summary>
/// The figures of one Tencent run (the gateway against the emulator): what the emulator accepted in each aligned window
/// of the measurement (seconds, or minutes for the batch recipients), and every quota refusal and other error it
/// answered during the whole run.
/// </summary>
internal sealed record TencentRunResult
{
    public required int Sequence { get; init; }

    public required int Round { get; init; }

    public required ScenarioKind Scenario { get; init; }

    /// <summary>Gets the emulator's quota per window (200 sendmsg/s, 12 000 batch recipients/min, 40 group messages/s).</summary>
    public required int Quota { get; init; }

    /// <summary>Gets how many windows the measurement was to cover.</summary>
    public required int PlannedWindows { get; init; }

    /// <summary>Gets how many commands were published (paced) or prefilled (batch).</summary>
    public required int Published { get; init; }

    /// <summary>Gets what the emulator accepted in each measured window: calls (sendmsg, send_group_msg) or recipients (batchsendmsg), by window start (unix seconds).</summary>
    public IReadOnlyList<(long Start, int Accepted)> Windows { get; init; } = [];

    /// <summary>Gets how many distinct commands the emulator accepted during the whole run.</summary>
    public int AcceptedCommands { get; init; }

    /// <summary>Gets the quota refusals during the whole run, by code (60007, 60011, 10023, or 429 for HTTP 429).</summary>
    public IReadOnlyDictionary<int, int> Rejections { get; init; } = new Dictionary<int, int>();

    /// <summary>Gets the emulator's own count of quota refusals (<c>RateLimitRejections</c>), as a cross-check.</summary>
    public int EmulatorRejections { get; init; }

    /// <summary>Gets how many calls got an answer that is neither success nor a quota refusal.</summary>
    public int OtherErrors { get; init; }

    /// <summary>Gets the first such answer, for the report.</summary>
    public string? FirstOtherError { get; init; }

    /// <summary>Gets, for every quota refusal, the aligned second it came in, counted from the second of the first accepted message (-1: before it), placed by journal order.</summary>
    public IReadOnlyList<long> RefusalSeconds { get; init; } = [];

    /// <summary>Gets how many calls had no answer recorded (in flight when the gateway was stopped).</summary>
    public int Unanswered { get; init; }

    /// <summary>Gets how many sends the emulator answered as duplicates of earlier ones.</summary>
    public int DuplicatesDropped { get; init; }

    /// <summary>Gets the commands still in the queue when the gateway was stopped (a backlog proves it was never starved).</summary>
    public long BacklogAtEnd { get; init; }

    /// <summary>Gets the achieved publish rate (paced) or prefill rate (batch).</summary>
    public double PublishRate { get; init; }

    /// <summary>Gets the gateway's CPU time per accepted call in the measured windows, µs.</summary>
    public double CpuMicrosecondsPerCall { get; init; } = double.NaN;

    /// <summary>Gets <c>/proc/loadavg</c> (1, 5, 15 min) when the run started.</summary>
    public string LoadAtStart { get; init; } = "?";

    /// <summary>Gets <c>/proc/loadavg</c> (1, 5, 15 min) when the run ended.</summary>
    public string LoadAtEnd { get; init; } = "?";

    /// <summary>Gets why the run failed or was cut short, if it was.</summary>
    public string? Problem { get; init; }

    /// <summary>Gets the quota refusals of the whole run.</summary>
    public int TotalRejections => Rejections.Values.Sum();

    /// <summary>Gets a value indicating whether every planned window was measured.</summary>
    public bool HasFigures => Problem is null && Windows.Count >= PlannedWindows && Windows.Count > 0;

    public double Median => HasFigures ? Statistics.Median(Windows.Select(w => (double)w.Accepted)) : double.NaN;

    public double Min => HasFigures ? Windows.Min(w => w.Accepted) : double.NaN;

    public double Max => HasFigures ? Windows.Max(w => w.Accepted) : double.NaN;

    public double Mean => HasFigures ? Windows.Average(w => w.Accepted) : double.NaN;

    /// <summary>
    /// Gets whether the run met its target: tencent-quota a mean of at least 98 % of the quota; tencent-batch every
    /// measured minute at least 98 %; tencent-group no second over the quota and a median of at least 98 %; all of them
    /// without a single quota refusal or other error.
    /// </summary>
    public bool MetTarget =>
        HasFigures && TotalRejections == 0 && EmulatorRejections == 0 && OtherErrors == 0 && Scenario switch
        {
            ScenarioKind.TencentQuota => Mean >= 0.98 * Quota,
            ScenarioKind.TencentBatch => Min >= 0.98 * Quota,
            ScenarioKind.TencentGroup => Max <= Quota && Median >= 0.98 * Quota,
            _ => false,
        };
}
