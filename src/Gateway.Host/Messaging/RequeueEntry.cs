namespace Gateway.Host.Messaging;

/// <summary>One command of an error queue, as <see cref="ErrorQueueRequeue"/> saw it.</summary>
/// <param name="MessageId">The command's <c>messageId</c>, or an empty string when its body is not a readable command.</param>
/// <param name="Reason">Why it failed (MassTransit's <c>MT-Fault-Message</c>), if recorded.</param>
/// <param name="Moved">Whether it was moved back (or, in a dry run, would be).</param>
internal sealed record RequeueEntry(string MessageId, string? Reason, bool Moved);
