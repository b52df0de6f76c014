namespace Gateway.Core.Idempotency;

/// <summary>
/// Remembers which commands completed, so a redelivered command is answered from the record instead of being sent
/// again. A claim is taken before the provider is called and ended by <see cref="CompleteAsync"/> (the outcome is
/// recorded for <see cref="IdempotencyOptions.TimeToLive"/>) or <see cref="ReleaseAsync"/> (nothing recorded; the
/// command may be tried again). The in-memory default serves one process; a shared store serves several workers.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims a key before the work. The answer is <see cref="IdempotencyClaimStatus.Acquired"/> (the caller owns the key
    /// until it completes or releases it, or until the store's lease expires), <see cref="IdempotencyClaimStatus.Completed"/>
    /// (with the stored outcome), or <see cref="IdempotencyClaimStatus.Busy"/> (another caller owns it; a store may wait
    /// for that caller instead of answering Busy).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">The token to stop waiting.</param>
    /// <returns>The claim.</returns>
    ValueTask<IdempotencyClaim> ClaimAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Records the outcome of an acquired claim and ends it.</summary>
    /// <param name="claim">The claim <see cref="ClaimAsync"/> acquired.</param>
    /// <param name="outcome">The serialized outcome to answer later claims with.</param>
    /// <param name="cancellationToken">The token to cancel the write.</param>
    /// <returns>A task that completes when the outcome is stored.</returns>
    ValueTask CompleteAsync(IdempotencyClaim claim, string outcome, CancellationToken cancellationToken = default);

    /// <summary>Ends an acquired claim without recording anything, so the key may be tried again.</summary>
    /// <param name="claim">The claim <see cref="ClaimAsync"/> acquired.</param>
    /// <param name="cancellationToken">The token to cancel the write.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    ValueTask ReleaseAsync(IdempotencyClaim claim, CancellationToken cancellationToken = default);
}
