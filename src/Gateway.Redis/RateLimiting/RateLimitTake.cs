using Gateway.Core.RateLimiting;

namespace Gateway.Redis.RateLimiting;

/// <summary>What one take answered, with the window it was counted in (for tests and measurements).</summary>
/// <param name="Grant">The answer.</param>
/// <param name="WindowIndex">The window's index on the Redis server's clock (milliseconds since the epoch divided by the length).</param>
/// <param name="ServerMilliseconds">The Redis server's time of the answer in ms (estimated from the last round trip when answered locally).</param>
/// <param name="Local">Whether the answer came from this worker's leased block without a Redis call.</param>
internal readonly record struct RateLimitTake(RateLimitGrant Grant, long WindowIndex, long ServerMilliseconds, bool Local);
