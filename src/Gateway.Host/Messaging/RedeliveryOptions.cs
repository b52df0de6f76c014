namespace Gateway.Host.Messaging;

/// <summary>
/// Redelivery of transient failures (<c>Messaging:Redelivery</c>): the command is moved to a delay queue and comes back
/// after the step's delay, so no consumer slot waits. After <see cref="Budget"/> of failures it goes to the error queue
/// and the failure event is published.
/// </summary>
internal sealed class RedeliveryOptions
{
    /// <summary>Gets or sets how long, from the first failure, a command keeps being redelivered before it goes to the error queue.</summary>
    /// <value>The default is 1 hour.</value>
    public TimeSpan Budget { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets the schedule, shortest delay first: by default every 5 s for the first minute, every 30 s until 10 minutes,
    /// then every 2 minutes. A provider's <c>Retry-After</c> picks the first step whose delay is at least that long.
    /// </summary>
    public IList<RedeliveryStep> Steps { get; } = [];

    /// <summary>Gets the schedule in use: <see cref="Steps"/>, or the default when none is configured.</summary>
    public IReadOnlyList<RedeliveryStep> Schedule => Steps.Count > 0 ? [.. Steps] : DefaultSchedule;

    private static IReadOnlyList<RedeliveryStep> DefaultSchedule { get; } =
    [
        new() { Delay = TimeSpan.FromSeconds(5), Until = TimeSpan.FromMinutes(1) },
        new() { Delay = TimeSpan.FromSeconds(30), Until = TimeSpan.FromMinutes(10) },
        new() { Delay = TimeSpan.FromMinutes(2) },
    ];

    /// <summary>Picks the delay of the next redelivery, or <see langword="null"/> when the budget is spent.</summary>
    /// <param name="sinceFirstFailure">How long the command has been failing.</param>
    /// <param name="retryAfter">The wait the provider asked for, if any.</param>
    /// <returns>The delay.</returns>
    public TimeSpan? NextDelay(TimeSpan sinceFirstFailure, TimeSpan? retryAfter)
    {
        var schedule = Schedule;
        var step = schedule.FirstOrDefault(s => s.Until is not { } until || sinceFirstFailure < until) ?? schedule[^1];
        if (retryAfter is { } wait && wait > step.Delay)
        {
            step = schedule.FirstOrDefault(s => s.Delay >= wait) ?? schedule[^1];
        }

        return sinceFirstFailure + step.Delay > Budget ? null : step.Delay;
    }
}
