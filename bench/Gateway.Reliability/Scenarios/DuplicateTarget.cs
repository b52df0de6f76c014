namespace Gateway.Reliability.Scenarios;

/// <summary>How many provider deliveries beyond the first per messageId a scenario may cause (issue 9).</summary>
internal enum DuplicateTarget
{
    /// <summary>None at all.</summary>
    Zero,

    /// <summary>
    /// At most the commands in flight at the kill (OpenIM: messages unacknowledged on <c>send-message</c> just before it);
    /// zero for Tencent, whose 120 s dedup must absorb the redeliveries.
    /// </summary>
    InFlightAtKill,

    /// <summary>
    /// Late answers: per messageId, at most one extra send per bus attempt (deliveries - 1 &lt;= distinct gateway calls,
    /// each call being one bus attempt or token replay; the HTTP handler's own resends of one call count against it).
    /// </summary>
    OneExtraPerBusAttempt,

    /// <summary>Reported, not checked (the 10-minute outage: only loss is a target).</summary>
    NotChecked,
}
