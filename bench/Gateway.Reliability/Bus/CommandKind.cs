namespace Gateway.Reliability.Bus;

/// <summary>What a published command is meant to test.</summary>
internal enum CommandKind
{
    /// <summary>A valid text message: must reach the provider exactly once (or wait in the error queue).</summary>
    Valid,

    /// <summary>Valid JSON that breaks a rule (empty text): must get <c>MessageSendFailed</c> and never be sent.</summary>
    Invalid,

    /// <summary>Not JSON (cut off): must land in <c>send-message_error</c>.</summary>
    Malformed,
}
