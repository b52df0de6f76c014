namespace Gateway.Core.RateLimiting;

/// <summary>The answer of <see cref="IRateLimitStore.TryTakeAsync"/>.</summary>
/// <param name="Granted">Whether the permits were taken.</param>
/// <param name="RetryAfter">When not granted, how long until the next window opens (after its guard).</param>
public readonly record struct RateLimitGrant(bool Granted, TimeSpan RetryAfter);
