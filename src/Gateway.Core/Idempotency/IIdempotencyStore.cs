namespace Gateway.Core.Idempotency;

/// <summary>
/// Remembers which commands completed, so a redelivered command is answered from the record instead of being sent
/// again. Replace the in-memory default with a shared store when several gateway instances consume one queue.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims a key before doing the work. Returns the stored outcome when the key completed earlier; otherwise the
    /// caller owns the key until it calls <see cref="CompleteAsync"/> or <see cref="ReleaseAsync"/>. A claim on a key
    /// that another caller owns waits for that caller to finish.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">The token to stop waiting.</param>
    /// <returns>The claim.</returns>
    ValueTask<IdempotencyClaim> ClaimAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Records the outcome of a claimed key and ends the claim.</summary>
    /// <param name="key">The key.</param>
    /// <param name="outcome">The serialized outcome to return to later claims.</param>
    /// <param name="cancellationToken">The token to cancel the write.</param>
    /// <returns>A task that completes when the outcome is stored.</returns>
    ValueTask CompleteAsync(string key, string outcome, CancellationToken cancellationToken = default);

    /// <summary>Ends a claim without recording anything, so the key may be tried again.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">The token to cancel the write.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default);
}
