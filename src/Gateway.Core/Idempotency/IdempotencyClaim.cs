namespace Gateway.Core.Idempotency;

/// <summary>The answer to <see cref="IIdempotencyStore.ClaimAsync"/>.</summary>
/// <param name="StoredOutcome">The stored outcome when the key completed earlier; <see langword="null"/> when the caller now owns the key.</param>
public readonly record struct IdempotencyClaim(string? StoredOutcome)
{
    /// <summary>Gets a value indicating whether the caller owns the key and must do the work.</summary>
    public bool Acquired => StoredOutcome is null;
}
