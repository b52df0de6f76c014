using Gateway.EndToEnd.Driver;
using Gateway.Sandbox.TencentIm;

namespace Gateway.EndToEnd.Cli;

/// <summary>
/// The shape of the Tencent scenarios. Paced ones (tencent-quota, tencent-group) publish for the warm-up, the measured
/// seconds and <see cref="TailSeconds"/> more, faster than the quota, so the gateway always has a backlog; the window is
/// the aligned seconds from <c>first + warm-up</c> on, where <c>first</c> is the aligned second of the first accepted
/// request. tencent-batch prefills enough many-recipient commands to fill the per-minute quota for the measured minutes
/// plus the (partial) first minute, and half a minute more, so the last measured minute still has a backlog.
/// </summary>
internal sealed record TencentSettings
{
    /// <summary>Publishing goes on this long past the measured window (the backlog keeps growing meanwhile).</summary>
    public const int TailSeconds = 3;

    /// <summary>Gets the publish rate of tencent-quota, commands/s (above the 200 sendmsg requests/s quota).</summary>
    public int QuotaRate { get; init; } = 260;

    /// <summary>Gets the measured aligned seconds of tencent-quota.</summary>
    public int QuotaSeconds { get; init; } = 60;

    /// <summary>Gets the aligned seconds after the first accepted request that tencent-quota and tencent-group leave out.</summary>
    public int WarmupSeconds { get; init; } = 5;

    /// <summary>Gets the measured full aligned minutes of tencent-batch.</summary>
    public int BatchMinutes { get; init; } = 2;

    /// <summary>Gets the recipients of one tencent-batch command (one batchsendmsg call of at most 500).</summary>
    public int BatchRecipients { get; init; } = 500;

    /// <summary>Gets the batchsendmsg recipients per aligned minute: the emulator's default, which the gateway's shipped default matches.</summary>
    public int BatchQuota { get; } = new TencentImEmulatorOptions().BatchRecipientsPerMinute;

    /// <summary>Gets the publish rate of tencent-group, commands/s (above the 40 messages/s per group quota).</summary>
    public int GroupRate { get; init; } = 60;

    /// <summary>Gets the measured aligned seconds of tencent-group.</summary>
    public int GroupSeconds { get; init; } = 30;

    /// <summary>Gets how many batch calls fit in one aligned minute's quota.</summary>
    public int BatchCallsPerMinute => BatchQuota / BatchRecipients;

    /// <summary>Gets how many commands a Tencent scenario publishes.</summary>
    /// <param name="scenario">A tencent-* scenario.</param>
    /// <returns>The command count.</returns>
    public int MessagesOf(ScenarioKind scenario) => scenario switch
    {
        ScenarioKind.TencentQuota => QuotaRate * (WarmupSeconds + QuotaSeconds + TailSeconds),
        ScenarioKind.TencentGroup => GroupRate * (WarmupSeconds + GroupSeconds + TailSeconds),
        ScenarioKind.TencentBatch => (BatchCallsPerMinute * (BatchMinutes + 1)) + (BatchCallsPerMinute / 2) + 1,
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    /// <summary>Gets how long a Tencent run may take after its gateway started, at least <paramref name="runTimeout"/>.</summary>
    /// <param name="scenario">A tencent-* scenario.</param>
    /// <param name="runTimeout">The <c>--timeout</c>.</param>
    /// <returns>The limit.</returns>
    public TimeSpan TimeoutOf(ScenarioKind scenario, TimeSpan runTimeout)
    {
        var needed = scenario switch
        {
            ScenarioKind.TencentQuota => TimeSpan.FromSeconds(WarmupSeconds + QuotaSeconds + 90),
            ScenarioKind.TencentGroup => TimeSpan.FromSeconds(WarmupSeconds + GroupSeconds + 90),
            _ => TimeSpan.FromMinutes(BatchMinutes + 4),
        };
        return needed > runTimeout ? needed : runTimeout;
    }
}
