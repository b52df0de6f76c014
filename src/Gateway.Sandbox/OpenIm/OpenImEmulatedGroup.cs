namespace Gateway.Sandbox.OpenIm;

/// <summary>A group in the emulator's directory. Admin senders skip the membership and mute checks, as on the real server.</summary>
public sealed class OpenImEmulatedGroup
{
    /// <summary>Gets or sets the members; <see langword="null"/> means every user is a member.</summary>
    public ISet<string>? Members { get; set; }

    /// <summary>Gets the muted members (a non-admin muted sender gets 1402).</summary>
    public ISet<string> MutedMembers { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets or sets a value indicating whether the whole group is muted (non-admin senders get 1403).</summary>
    public bool Muted { get; set; }

    /// <summary>Gets or sets a value indicating whether the group was dismissed (every sender gets 1204).</summary>
    public bool Dismissed { get; set; }
}
