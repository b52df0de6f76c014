namespace Gateway.Reliability.Hostile;

/// <summary>What became of a command.</summary>
internal enum HostileOutcomeKind
{
    /// <summary>Nothing within the case's time limit: lost, or the worker is stuck.</summary>
    None,

    /// <summary>A <c>MessageSendFailed</c> event.</summary>
    Failed,

    /// <summary>The command is in <c>send-message_error</c>.</summary>
    ErrorQueue,

    /// <summary>A <c>MessageSent</c> event (the provider accepted it).</summary>
    Sent,
}
