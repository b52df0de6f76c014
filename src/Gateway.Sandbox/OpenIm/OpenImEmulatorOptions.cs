namespace Gateway.Sandbox.OpenIm;

/// <summary>
/// Settings of an <see cref="OpenImEmulator"/>. The defaults need no configuration: a v3.8.1+ server with secret
/// <c>openIM123</c> and admin <c>imAdmin</c>, where every user and group exists. Set the directory up before
/// <see cref="Hosting.SandboxServer.StartAsync"/>; the collections are read, not copied, and are not thread-safe.
/// </summary>
public sealed class OpenImEmulatorOptions
{
    /// <summary>The v3 default secret (<c>share.yml</c>).</summary>
    public const string DefaultV3Secret = "openIM123";

    /// <summary>The v2 default secret (<c>config.yaml</c>).</summary>
    public const string DefaultV2Secret = "tuoyun";

    /// <summary>Gets or sets which server to behave like.</summary>
    /// <value>The default is <see cref="OpenImServerGeneration.V3"/>.</value>
    public OpenImServerGeneration Generation { get; set; } = OpenImServerGeneration.V3;

    /// <summary>Gets or sets the server secret; <see langword="null"/> means the generation's default.</summary>
    /// <value>The default is <see langword="null"/>: <c>openIM123</c> (v3) or <c>tuoyun</c> (v2).</value>
    public string? Secret { get; set; }

    /// <summary>Gets or sets the admin user ids; <see langword="null"/> means the generation's defaults.</summary>
    /// <value>
    /// The default is <see langword="null"/>: <c>imAdmin</c> (v3), or <c>openIM123456</c>, <c>openIM654321</c>,
    /// <c>openIM333</c>, <c>openIMAdmin</c> (v2).
    /// </value>
    public IList<string>? AdminUserIds { get; set; }

    /// <summary>Gets the notification accounts, which may send 1400 notifications besides the admins.</summary>
    public ISet<string> NotificationAccounts { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the users that exist; <see langword="null"/> means every user id exists (admins always do).</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public ISet<string>? Users { get; set; }

    /// <summary>Gets or sets the groups that exist; <see langword="null"/> means every group exists and everyone is a member.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public IDictionary<string, OpenImEmulatedGroup>? Groups { get; set; }

    /// <summary>Gets the users who turned messages off (v3 answers 1001 <c>message is not sent</c>).</summary>
    public ISet<string> RefusingRecipients { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets who blocked whom: recipient → senders they blocked (non-admin senders get 1302; v2: 600).</summary>
    public IDictionary<string, ISet<string>> BlockedSenders { get; } = new Dictionary<string, ISet<string>>(StringComparer.Ordinal);

    /// <summary>Gets or sets a value indicating whether non-admin senders must be friends with the recipient (1303; v2: 601).</summary>
    public bool FriendVerification { get; set; }

    /// <summary>Gets the friendships: user → friends (checked both ways) when <see cref="FriendVerification"/> is on.</summary>
    public IDictionary<string, ISet<string>> Friends { get; } = new Dictionary<string, ISet<string>>(StringComparer.Ordinal);

    /// <summary>Gets or sets how long issued tokens live; <see langword="null"/> means the generation's default.</summary>
    /// <value>The default is <see langword="null"/>: 90 days (v3 <c>tokenPolicy.expire</c>) or 3650 days (v2).</value>
    public TimeSpan? TokenLifetime { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a new admin token evicts the admin's older tokens after
    /// <see cref="AdminTokenEvictionDelay"/> (OpenIM main, #3313; older tokens then get 1507). v3 only.
    /// </summary>
    /// <value>The default is <see langword="false"/> (v3.8.1–v3.8.3: admin tokens are stateless).</value>
    public bool EvictOlderAdminTokens { get; set; }

    /// <summary>Gets or sets how long an older admin token keeps working after a newer one was issued.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan AdminTokenEvictionDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the clock for token issue, expiry, eviction and message times.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
