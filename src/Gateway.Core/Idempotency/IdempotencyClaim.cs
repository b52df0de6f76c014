namespace Gateway.Core.Idempotency;

/// <summary>The answer to <see cref="IIdempotencyStore.ClaimAsync"/>.</summary>
/// <param name="Key">The key claimed.</param>
/// <param name="Status">What the store answered.</param>
/// <param name="Token">The owner's token of an acquired claim (a shared store checks it, so an expired owner cannot end a newer claim).</param>
/// <param name="StoredOutcome">The stored outcome, when <paramref name="Status"/> is <see cref="IdempotencyClaimStatus.Completed"/>.</param>
public readonly record struct IdempotencyClaim(string Key, IdempotencyClaimStatus Status, string? Token = null, string? StoredOutcome = null);
