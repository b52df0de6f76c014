using System.Text.Json.Nodes;

namespace Gateway.Sandbox.TencentIm;

/// <summary>A message the emulator accepted and delivered (one per recipient for one-to-one messages).</summary>
public sealed record TencentImStoredMessage
{
    /// <summary>Gets the API that sent it: <c>sendmsg</c>, <c>batchsendmsg</c> or <c>send_group_msg</c>.</summary>
    public required string Api { get; init; }

    /// <summary>Gets the sender: <c>From_Account</c>, or the admin identifier of the call when absent.</summary>
    public required string From { get; init; }

    /// <summary>Gets the recipient user, for one-to-one messages.</summary>
    public string? To { get; init; }

    /// <summary>Gets the group, for group messages.</summary>
    public string? GroupId { get; init; }

    /// <summary>Gets the MsgKey (one-to-one) the emulator issued.</summary>
    public string? MsgKey { get; init; }

    /// <summary>Gets the group MsgSeq the emulator issued, or the caller's MsgSeq for one-to-one messages.</summary>
    public ulong MsgSeq { get; init; }

    /// <summary>Gets the message time, unix seconds.</summary>
    public long MsgTime { get; init; }

    /// <summary>Gets the whole request body the message came from.</summary>
    public required JsonObject Request { get; init; }

    /// <summary>Gets a value indicating whether the message was recalled.</summary>
    public bool Recalled { get; internal set; }
}
