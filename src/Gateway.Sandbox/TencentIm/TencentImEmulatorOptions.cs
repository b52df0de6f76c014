namespace Gateway.Sandbox.TencentIm;

/// <summary>
/// Settings of a <see cref="TencentImEmulator"/>. The defaults need no configuration: the sample app of Tencent's
/// libraries (SDKAppID 1400000000 and its published sample key), admin <c>administrator</c>, every account and group
/// exists, and Tencent's default quotas and limits apply.
/// </summary>
public sealed class TencentImEmulatorOptions
{
    /// <summary>The SDKAppID of Tencent's published samples.</summary>
    public const long SampleSdkAppId = 1_400_000_000;

    /// <summary>The secret key of Tencent's published samples (not a real secret).</summary>
    public const string SampleSecretKey = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";

    /// <summary>Gets or sets the SDKAppID the emulated app has.</summary>
    /// <value>The default is <see cref="SampleSdkAppId"/>.</value>
    public long SdkAppId { get; set; } = SampleSdkAppId;

    /// <summary>Gets or sets the secret key UserSigs must be signed with.</summary>
    /// <value>The default is <see cref="SampleSecretKey"/>.</value>
    public string SecretKey { get; set; } = SampleSecretKey;

    /// <summary>Gets the App admin accounts allowed as the URL's <c>identifier</c> (others get 60010).</summary>
    /// <value>The default is <c>administrator</c>.</value>
    public ISet<string> AdminIdentifiers { get; } = new HashSet<string>(StringComparer.Ordinal) { "administrator" };

    /// <summary>Gets or sets a value indicating whether only accounts in <see cref="Accounts"/> (and the admins) exist.</summary>
    /// <value>The default is <see langword="false"/>: every account exists.</value>
    public bool RequireKnownAccounts { get; set; }

    /// <summary>Gets the accounts that exist when <see cref="RequireKnownAccounts"/> is set.</summary>
    public ISet<string> Accounts { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets or sets a value indicating whether only groups in <see cref="Groups"/> exist.</summary>
    /// <value>The default is <see langword="false"/>: every group exists.</value>
    public bool RequireKnownGroups { get; set; }

    /// <summary>Gets the groups that exist when <see cref="RequireKnownGroups"/> is set.</summary>
    public ISet<string> Groups { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the calls per second allowed for each API, counted in aligned seconds of <see cref="TimeProvider"/>'s clock (second <c>k</c> is <c>[k, k+1)</c>); 0 disables the check.</summary>
    /// <value>The default is 200, Tencent's default.</value>
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>Gets or sets the batchsendmsg recipients allowed per aligned minute of <see cref="TimeProvider"/>'s clock; 0 disables the check.</summary>
    /// <value>The default is 12 000, Tencent's default.</value>
    public int BatchRecipientsPerMinute { get; set; } = 12_000;

    /// <summary>Gets or sets the messages per second allowed in one group, counted in aligned seconds; 0 disables the check.</summary>
    /// <value>The default is 40, Tencent's default.</value>
    public int GroupMessagesPerSecond { get; set; } = 40;

    /// <summary>Gets or sets the largest <c>MsgBody</c> accepted, in bytes of its JSON text (larger gets 93000).</summary>
    /// <value>The default is 8192 (the 8 KB of Tencent's error strings).</value>
    public int MaxMsgBodyBytes { get; set; } = 8192;

    /// <summary>Gets or sets the most recipients of one batchsendmsg call (more gets 90011).</summary>
    /// <value>The default is 500.</value>
    public int MaxBatchRecipients { get; set; } = 500;

    /// <summary>Gets or sets how long a one-to-one message's dedup key (sender, MsgSeq, MsgRandom, content CRC) holds.</summary>
    /// <value>The default is 120 seconds.</value>
    public TimeSpan C2cDedupWindow { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Gets or sets how long a group message's dedup key (group, Random, content CRC) holds.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan GroupDedupWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets a value indicating whether batchsendmsg answers without <c>ErrorList</c>, as a 2020 community report
    /// says Tencent sometimes did (OK when some recipients failed, FAIL when all did).
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool OmitBatchErrorList { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a batchsendmsg that reached some recipients but not all answers
    /// <c>ActionStatus</c> FAIL — still with <c>ErrorCode</c> 0, the batch's <c>MsgKey</c> and the <c>ErrorList</c> — as the
    /// partial-failure sample of Tencent's batchsendmsg page does; by default it answers OK. Either way <c>ErrorCode</c>
    /// is 0 when any recipient got the message and non-zero only when all failed (reference §4.1).
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool FailPartialBatches { get; set; }

    /// <summary>Gets or sets the clock used for UserSig expiry, dedup windows, quotas and message times.</summary>
    /// <value>The default is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
