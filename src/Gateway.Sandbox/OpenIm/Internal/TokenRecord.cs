namespace Gateway.Sandbox.OpenIm.Internal;

/// <summary>The server's state of one issued token (its token cache entry).</summary>
internal sealed class TokenRecord(string userId, int platformId, DateTimeOffset issuedAt)
{
    public string UserId { get; } = userId;

    public int PlatformId { get; } = platformId;

    public DateTimeOffset IssuedAt { get; } = issuedAt;

    /// <summary>Gets or sets a value indicating whether <c>ExpireTokens</c> marked it expired.</summary>
    public bool ForcedExpired { get; set; }

    public bool Kicked { get; set; }

    /// <summary>Gets or sets a value indicating whether the cache entry is gone (1507).</summary>
    public bool Forgotten { get; set; }

    /// <summary>Gets or sets when a newer admin token evicts it (main #3313), if it does.</summary>
    public DateTimeOffset? EvictAt { get; set; }
}
