namespace Gateway.Core.Idempotency;

/// <summary>The answer of <see cref="IIdempotencyStore.ClaimAsync"/>.</summary>
public enum IdempotencyClaimStatus
{
    /// <summary>The caller owns the key and does the work.</summary>
    Acquired,

    /// <summary>The key completed earlier; <see cref="IdempotencyClaim.StoredOutcome"/> holds its outcome.</summary>
    Completed,

    /// <summary>Another caller owns the key right now; try again later (after its lease at the latest).</summary>
    Busy,
}
